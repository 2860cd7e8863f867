-- Issue 7: the quality module's own read model, kept from the followup and feedback modules' events in the same
-- transaction as the write they describe (com.careloop.quality.QualityRecorder). Nothing here is read by another
-- module; nothing another module owns is read by quality. Existing rows are replayed once at start
-- (QualityBackfill, marker in quality_state).

-- KPI counters per Asia/Shanghai day and combination of dimensions (agent who made the call, team, scenario,
-- product, channel = feedback source, customer tier). 'UNSPECIFIED' where a dimension does not apply.
-- A KPI for a period is a sum over the period's days: numerators and denominators, sums for means.
create table quality_rollup (
    on_day         date        not null,
    agent          varchar(64) not null,
    team           varchar(64) not null,
    scenario       varchar(32) not null,
    product        varchar(100) not null,
    channel        varchar(32) not null,
    tier           varchar(16) not null,
    surveys        bigint not null default 0,
    sat_n          bigint not null default 0,
    sat_pos        bigint not null default 0,
    sat_sum        bigint not null default 0,
    nps_n          bigint not null default 0,
    nps_pro        bigint not null default 0,
    nps_det        bigint not null default 0,
    att_n          bigint not null default 0,
    att_sum        bigint not null default 0,
    exp_n          bigint not null default 0,
    exp_sum        bigint not null default 0,
    tim_n          bigint not null default 0,
    tim_sum        bigint not null default 0,
    res_n          bigint not null default 0,
    res_sum        bigint not null default 0,
    con_n          bigint not null default 0,
    con_sum        bigint not null default 0,
    fu_closed      bigint not null default 0,
    fu_reached     bigint not null default 0,
    fu_intent      bigint not null default 0,
    fb_opened      bigint not null default 0,
    fb_closed      bigint not null default 0,
    fb_resolved    bigint not null default 0,
    fb_reopened    bigint not null default 0,
    fb_responded   bigint not null default 0,
    fb_fcr         bigint not null default 0,
    resp_n         bigint not null default 0,
    resp_on_time   bigint not null default 0,
    resol_n        bigint not null default 0,
    resol_on_time  bigint not null default 0,
    constraint pk_quality_rollup primary key (on_day, agent, team, scenario, product, channel, tier)
);

-- The same counters per day and single dimension (ALL with key '', AGENT, TEAM, SCENARIO, PRODUCT, CHANNEL, TIER):
-- a month's totals or one grouping read at most 31 rows per key instead of every combination.
create table quality_rollup_dim (
    on_day     date         not null,
    dimension  varchar(16)  not null,
    dim_key    varchar(100) not null,
    surveys        bigint not null default 0,
    sat_n          bigint not null default 0,
    sat_pos        bigint not null default 0,
    sat_sum        bigint not null default 0,
    nps_n          bigint not null default 0,
    nps_pro        bigint not null default 0,
    nps_det        bigint not null default 0,
    att_n          bigint not null default 0,
    att_sum        bigint not null default 0,
    exp_n          bigint not null default 0,
    exp_sum        bigint not null default 0,
    tim_n          bigint not null default 0,
    tim_sum        bigint not null default 0,
    res_n          bigint not null default 0,
    res_sum        bigint not null default 0,
    con_n          bigint not null default 0,
    con_sum        bigint not null default 0,
    fu_closed      bigint not null default 0,
    fu_reached     bigint not null default 0,
    fu_intent      bigint not null default 0,
    fb_opened      bigint not null default 0,
    fb_closed      bigint not null default 0,
    fb_resolved    bigint not null default 0,
    fb_reopened    bigint not null default 0,
    fb_responded   bigint not null default 0,
    fb_fcr         bigint not null default 0,
    resp_n         bigint not null default 0,
    resp_on_time   bigint not null default 0,
    resol_n        bigint not null default 0,
    resol_on_time  bigint not null default 0,
    constraint pk_quality_rollup_dim primary key (on_day, dimension, dim_key)
);

-- The dimensions of each follow-up that was answered (so the feedback items of its call get its scenario).
create table quality_follow_up (
    follow_up_id bigint primary key,
    agent        varchar(64) not null,
    team         varchar(64) not null,
    scenario     varchar(32) not null,
    tier         varchar(16) not null
);

-- The dimensions of each feedback item, fixed when it is opened (team when it is routed).
create table quality_feedback_item (
    item_id  bigint primary key,
    agent    varchar(64) not null,
    team     varchar(64) not null,
    scenario varchar(32) not null,
    product  varchar(100) not null,
    channel  varchar(32) not null,
    tier     varchar(16) not null,
    type     varchar(32) not null,
    urgency  varchar(16) not null
);

-- Feedback items open now: backlog and overdue ("now", whatever the period). Small: a row leaves when its item closes.
create table quality_open_item (
    item_id           bigint primary key,
    agent             varchar(64) not null,
    team              varchar(64) not null,
    scenario          varchar(32) not null,
    product           varchar(100) not null,
    channel           varchar(32) not null,
    tier              varchar(16) not null,
    urgency           varchar(16) not null,
    response_due_at   timestamp with time zone,
    resolution_due_at timestamp with time zone,
    responded         boolean not null default false,
    resolved          boolean not null default false
);
create index ix_quality_open_team on quality_open_item (team);
create index ix_quality_open_resolution_due on quality_open_item (resolution_due_at);

-- Keywords: the tags of each survey answer and feedback item (at recording time), and hits per day for the top list.
create table quality_text_tag (
    kind     varchar(16) not null,
    ref_id   bigint      not null,
    on_day   date        not null,
    keywords varchar(1000) not null,
    constraint pk_quality_text_tag primary key (kind, ref_id)
);
create table quality_keyword_day (
    on_day  date        not null,
    keyword varchar(64) not null,
    hits    bigint      not null,
    constraint pk_quality_keyword_day primary key (on_day, keyword)
);

create table quality_state (
    name  varchar(64) primary key,
    state_value varchar(200) not null
);
