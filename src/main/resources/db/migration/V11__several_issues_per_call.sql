-- Issue 8: a call may report several issues, even two of the same type, each its own feedback item. Items of a call
-- are told apart by their entry in the call (ISSUE_1, ISSUE_2, ... for the reported issues; SALES_LEAD and
-- SERVICE_RECOVERY for the items the call derives), no longer by their type; a retried recording still finds the item
-- it created. Items recorded before this version had one per type: their entry is their type.
alter table feedback_item drop constraint uk_feedback_per_follow_up;
alter table feedback_item add column call_entry varchar(32);
update feedback_item set call_entry = type where follow_up_id is not null;
alter table feedback_item add constraint uk_feedback_call_entry unique (follow_up_id, call_entry);
