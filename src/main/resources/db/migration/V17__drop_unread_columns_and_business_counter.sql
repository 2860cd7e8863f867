-- Leftovers nothing reads or writes any more (H2 and PostgreSQL alike).
-- screening_candidate.priority / assigned_agent: the follow-up writer applies the scenario policy when a chunk opens
-- the follow-ups; a candidate keeps only what screening decides (scenario, period, planned due date).
alter table screening_candidate drop column priority;
alter table screening_candidate drop column assigned_agent;
-- business_counter: the numbering design before the sequences of V5 (V5_1 started them after its values).
drop table business_counter;
