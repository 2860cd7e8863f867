-- The inbound feedback register of seed 002 (issue 9): channel, contact, product and urgency suggestion of an item,
-- and the outcome of its verification (初步核实). Portable H2 + PostgreSQL.
alter table feedback_item add column channel varchar(16);
update feedback_item set channel = case when source = 'FOLLOW_UP_CALL' then 'FOLLOW_UP' else 'HOTLINE' end;
alter table feedback_item alter column channel set not null;

alter table feedback_item add column contact_name varchar(200);
alter table feedback_item add column contact_phone varchar(32);
alter table feedback_item add column product_model varchar(100);
alter table feedback_item add column order_number varchar(64);
alter table feedback_item add column serial_number varchar(64);
alter table feedback_item add column batch varchar(64);
-- the urgency the table bpmn/feedbackUrgency.dmn suggested, why, and the registrar's reason for choosing otherwise
alter table feedback_item add column suggested_urgency varchar(16);
alter table feedback_item add column urgency_suggested boolean default false not null;
alter table feedback_item add column urgency_reason varchar(200);
alter table feedback_item add column urgency_override_reason varchar(500);
-- verification: VALID | INVALID | DUPLICATE, the reason of an invalid item, the item a duplicate was merged into
alter table feedback_item add column verification varchar(16);
alter table feedback_item add column invalid_reason varchar(500);
alter table feedback_item add column merged_into varchar(32);

create index ix_feedback_serial on feedback_item (serial_number);
create index ix_feedback_customer_created on feedback_item (customer_id, created_at);
create index ix_feedback_channel on feedback_item (channel);
