-- PostgreSQL part of V5 (H2: db/vendor/h2). Locations: spring.flyway.locations in application.yml.

-- One OPEN follow-up per customer, enforced by the database: concurrent manual starts (period_key null, so
-- uk_follow_up_period does not apply) and a manual start racing a screening chunk cannot both commit.
-- Fails if a customer already has two open follow-ups: close the extra ones first.
create unique index uk_follow_up_open on follow_up (customer_id) where status = 'OPEN';

-- continue after the numbers the old per-day counters handed out, so no number of today is issued twice
select setval('follow_up_number_seq', coalesce((select max(counter_value) from business_counter where counter_name like 'FU%'), 0) + 1, false);
select setval('feedback_number_seq', coalesce((select max(counter_value) from business_counter where counter_name like 'FB%'), 0) + 1, false);
