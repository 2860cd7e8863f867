-- The holiday calendar a team maintains (package calendar): one row per year with where its data came from,
-- one row per special day. Seeded at start from the shipped file for years not yet stored.
create table calendar_year (
    cal_year    integer primary key,
    source      varchar(200) not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)
);

create table calendar_day (
    cal_date  date primary key,
    cal_year  integer not null references calendar_year (cal_year) on delete cascade,
    kind      varchar(16) not null,
    name      varchar(100),
    constraint ck_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

create index ix_calendar_day_year on calendar_day (cal_year);
