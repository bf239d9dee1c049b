-- Contribution statistics (GET /api/statistics/contributions).
--
-- What a month was due, as known when a posting paid toward it (PENSION, MEDICAL: the base of the
-- grade in force x the scheme's rate); null for transfers, occupational injury, and postings written
-- before this column existed. The statistics refresh counts a worker-month as paid in full when the
-- postings toward it add up to at least the due recorded by the latest of them, as the statement does.
alter table posting add column due_fen bigint;

-- Statistics are computed on a schedule into snapshots; queries read the latest one only, never the
-- ledger.
create sequence stats_snapshot_seq;
create table stats_snapshot (
    id            bigint       primary key default nextval('stats_snapshot_seq'),
    subject       varchar(32)  not null,
    taken_at      timestamptz  not null,
    through_month varchar(7),
    threshold     int          not null,
    cells         int          not null default 0,
    suppressed    int          not null default 0,
    fully_audited boolean      not null default true,
    took_ms       bigint       not null default 0
);
create index stats_snapshot_latest on stats_snapshot (subject, id);

-- Contributions per month (the month paid for) over every grouping at once (the lattice): '*' means
-- all values of a dimension. region is '*' (all), 'NN' (a province with its cities) or the 6-digit
-- region the month was booked in (the region whose enrollment covered it); payer is '*', 'PLATFORM'
-- or 'SELF' (the payer kind), or 'PLATFORM/<code>' (one platform). persons counts distinct workers,
-- amount_fen sums what was paid net of reversals, counted_months counts worker-months paid in full;
-- suppressed is decided over the whole month's lattice together.
create table stats_contribution_cell (
    snapshot_id    bigint      not null references stats_snapshot (id) on delete cascade,
    month          varchar(7)  not null,
    region         varchar(6)  not null,
    scheme         varchar(24) not null,
    payer          varchar(48) not null,
    persons        int         not null,
    amount_fen     bigint      not null,
    counted_months int         not null,
    suppressed     boolean     not null,
    primary key (snapshot_id, month, region, scheme, payer)
);
