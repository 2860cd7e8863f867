-- #14: the closure re-visit of feedbackHandling surveys by text too (bpmn/surveyChannel.dmn).
-- A survey link is either a follow-up's or a feedback item's re-visit.
alter table survey_link add column feedback_item_id bigint;
alter table survey_link alter column follow_up_id drop not null;
create index ix_survey_link_feedback_item on survey_link (feedback_item_id);
-- since when the re-visit's link may be answered (null: none open)
alter table feedback_item add column revisit_survey_since timestamp with time zone;
