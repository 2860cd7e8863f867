-- The SLA pause of a feedback item (issue 9): while paused_at is set its SLA clock stands still (reason
-- WAITING_FOR_CUSTOMER | WAITING_FOR_PARTS | WAITING_FOR_THIRD_PARTY); paused_minutes is the paused time counted on
-- the item's SLA clock (working minutes for a working-time SLA) over all its pauses, by which its deadlines moved.
-- last_progress_notice_at: when the customer was last sent a progress notice before a resolution deadline.
-- Portable H2 + PostgreSQL.
alter table feedback_item add column paused_at timestamp with time zone;
alter table feedback_item add column pause_reason varchar(32);
alter table feedback_item add column paused_minutes bigint default 0 not null;
alter table feedback_item add column last_progress_notice_at timestamp with time zone;
