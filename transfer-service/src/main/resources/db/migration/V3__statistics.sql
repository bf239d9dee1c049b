-- Transfer statistics are computed on a schedule into snapshots; queries read the latest one only,
-- never the transfer_case table.
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

-- Transfer cases per month of submission over every grouping at once (the lattice): '*' means all
-- values of a dimension; region is '*' (all), 'NN' (a province with its cities) or a 6-digit pooling
-- region, on the side of direction (IN: destination, OUT: source, '*': either). persons counts
-- distinct workers and decides suppression, which is decided over the whole month's lattice together;
-- cases counts cases. Per step (review, out = transfer-out, in = transfer-in): steps done, their
-- median working days, how many had a deadline and how many were done by it.
create table stats_transfer_cell (
    snapshot_id     bigint       not null references stats_snapshot (id) on delete cascade,
    month           varchar(7)   not null,
    region          varchar(6)   not null,
    direction       varchar(3)   not null,
    scheme          varchar(24)  not null,
    status          varchar(16)  not null,
    persons         int          not null,
    cases           int          not null,
    suppressed      boolean      not null,
    review_done     int          not null,
    review_median   numeric(7,1),
    review_deadline int          not null,
    review_within   int          not null,
    out_done        int          not null,
    out_median      numeric(7,1),
    out_deadline    int          not null,
    out_within      int          not null,
    in_done         int          not null,
    in_median       numeric(7,1),
    in_deadline     int          not null,
    in_within       int          not null,
    primary key (snapshot_id, month, region, direction, scheme, status)
);
