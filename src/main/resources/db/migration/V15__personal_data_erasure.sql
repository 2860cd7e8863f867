-- Issue 17 (PIPL): when an erase request anonymised a customer (DELETE /api/customers/{externalId}/personal-data).
alter table customer add column erased_at timestamp with time zone;
-- the contact-access audit also records unmasked reads of a customer (subject CUSTOMER, number = the customer's
-- externalId, up to 64 characters like customer.external_id)
alter table contact_access alter column subject_number set data type varchar(64);
