-- Issue 14 (texts and their rules): SMS delivery receipts (状态报告). The provider's id of a sent text (Alibaba BizId,
-- Tencent SerialNo / sid) and what its receipt said: DELIVERED or FAILED, the provider's error code (no text, no
-- number), when. Written only by the notification module. Portable H2 + PostgreSQL.
alter table notification_delivery add column provider_message_id varchar(64);
alter table notification_delivery add column receipt varchar(12);
alter table notification_delivery add column receipt_code varchar(64);
alter table notification_delivery add column receipt_at timestamp with time zone;
create index ix_notification_delivery_provider_id on notification_delivery (provider_message_id);
