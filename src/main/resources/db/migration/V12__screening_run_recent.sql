-- GET /api/screening/runs lists the latest runs first: read them from the index, not by sorting the table.
create index ix_screening_run_started on screening_run (started_at, id);
