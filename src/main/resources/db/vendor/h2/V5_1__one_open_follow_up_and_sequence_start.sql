-- H2 part of V5 (PostgreSQL: db/vendor/postgresql). Locations: spring.flyway.locations in application.yml.

-- One OPEN follow-up per customer, enforced by the database. H2 has no partial index: a generated column that
-- holds the customer while the follow-up is OPEN and is NULL otherwise, with a unique index (NULLs never clash).
-- Fails if a customer already has two open follow-ups: close the extra ones first.
alter table follow_up add column open_customer_id bigint generated always as (case when status = 'OPEN' then customer_id end);
create unique index uk_follow_up_open on follow_up (open_customer_id);

-- continue after the numbers the old per-day counters handed out, so no number of today is issued twice
alter sequence follow_up_number_seq restart with (select coalesce(max(counter_value), 0) + 1 from business_counter where counter_name like 'FU%');
alter sequence feedback_number_seq restart with (select coalesce(max(counter_value), 0) + 1 from business_counter where counter_name like 'FB%');
