-- Issue 14 (appointment texts, seed 001): the call an appointment text announced and the customer's reply to it
-- (CONFIRMED: replied 1; RESCHEDULE: replied 2, the agent agrees a new time first). Written only by the followup module.
-- Portable H2 + PostgreSQL.
alter table follow_up add column appointment_at timestamp with time zone;
alter table follow_up add column appointment_reply varchar(12);
alter table follow_up add column appointment_replied_at timestamp with time zone;
