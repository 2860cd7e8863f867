-- Issue 9: the SLA pause in the KPIs. On-time is measured against the deadline moved by the pauses; the paused time
-- itself is reported apart: resolved items whose clock was paused, and the sum of their paused minutes (on the
-- item's SLA clock). The read model is rebuilt at the next start anyway (V20 removed the backfill marker).
alter table quality_rollup add column paused_n bigint default 0 not null;
alter table quality_rollup add column paused_min bigint default 0 not null;
alter table quality_rollup_dim add column paused_n bigint default 0 not null;
alter table quality_rollup_dim add column paused_min bigint default 0 not null;
