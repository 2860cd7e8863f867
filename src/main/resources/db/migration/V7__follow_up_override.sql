-- Issue 6: manual starts apply the screening exclusions; a cs-manager may override the cooling period or a wrong
-- number with a reason, recorded on the follow-up (who, why, which exclusions were lifted).
alter table follow_up add column override_reason varchar(500);
alter table follow_up add column override_by varchar(64);
alter table follow_up add column overridden_exclusions varchar(100);
