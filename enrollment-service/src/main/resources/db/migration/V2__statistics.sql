-- Covered periods of every enrollment, as EnrollmentTimeline.coveredPeriods() computes them (the
-- rule stays in Java). Rewritten by the services whenever an enrollment, its grade or its status
-- changes; statistics only expand these ranges into months.
create table enrollment_covered_period (
    enrollment_id uuid        not null references enrollment (id),
    from_month    varchar(7)  not null,
    to_month      varchar(7),
    worker_id     uuid        not null references worker (id),
    scheme        varchar(24) not null,
    region        varchar(6)  not null,
    primary key (enrollment_id, from_month),
    check (to_month is null or to_month >= from_month)
);
create index enrollment_covered_period_by_month on enrollment_covered_period (from_month, to_month);

-- Which enrollments have their covered periods written (an enrollment may have none); enrollments
-- created before this table existed are caught up by the statistics refresh.
create table enrollment_covered_sync (
    enrollment_id uuid        primary key references enrollment (id),
    written_at    timestamptz not null
);

-- Active workers a platform reports per month and region (a province NN0000 or a pooling city),
-- one figure per platform, month and region: a new report replaces the old one.
create table platform_activity (
    platform_code  varchar(32) not null references platform (code),
    month          varchar(7)  not null,
    region         varchar(6)  not null,
    active_workers int         not null check (active_workers >= 0),
    reported_at    timestamptz not null,
    updated_at     timestamptz not null,
    primary key (platform_code, month, region)
);
create index platform_activity_by_month on platform_activity (month, region);

-- Statistics are computed on a schedule into snapshots; queries read the latest one only.
create sequence stats_snapshot_seq;
create table stats_snapshot (
    id            bigint       primary key default nextval('stats_snapshot_seq'),
    subject       varchar(32)  not null,
    taken_at      timestamptz  not null,
    through_month varchar(7),
    threshold     int          not null,
    cells         int          not null default 0,
    suppressed    int          not null default 0,
    fully_audited boolean      not null default true
);
create index stats_snapshot_latest on stats_snapshot (subject, id);

-- Insured workers per month over every grouping at once (the lattice): '*' means all values of a
-- dimension; region is '*' (all), 'NN' (a province with its cities) or a 6-digit pooling region.
-- persons counts distinct workers; suppressed is decided over the whole month's lattice together.
create table stats_enrollment_cell (
    snapshot_id bigint      not null references stats_snapshot (id) on delete cascade,
    month       varchar(7)  not null,
    region      varchar(6)  not null,
    scheme      varchar(24) not null,
    platform    varchar(32) not null,
    sex         varchar(6)  not null,
    age_band    varchar(5)  not null,
    persons     int         not null,
    suppressed  boolean     not null,
    primary key (snapshot_id, month, region, scheme, platform, sex, age_band)
);
