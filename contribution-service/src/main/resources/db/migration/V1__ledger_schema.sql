-- The contribution ledger of PSI: insert-only, double-entry.
--
-- A posting is one movement of money and the record of what caused it (a feed line, a worker's
-- self-payment, a reversal, a transfer); (source, ref) is unique, so a retry can never apply twice.
-- Its legs are rows of ledger_entry, each a debit or a credit of one account; the legs of a posting
-- balance (sum of debits = sum of credits), which the trigger ledger_entry_balanced enforces for
-- every statement that writes legs. Nothing in posting, ledger_entry, account or transferred_month
-- is ever updated or deleted: a correction is a reversal posting.

create function ledger_forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is insert-only: % on % is not allowed; post a reversal instead', tg_op, tg_table_name
        using errcode = 'raise_exception';
end
$$;

-- Accounts: a worker's individual account per scheme and region, a pooled fund per scheme and
-- region, and one account per payer (a platform, or a worker paying for themselves). Ids are
-- name-based UUIDs of the account key, so a writer knows them without asking.
create table account (
    id         uuid        primary key,
    kind       varchar(12) not null check (kind in ('INDIVIDUAL', 'POOLED', 'PAYER')),
    scheme     varchar(24) check (scheme in ('PENSION', 'MEDICAL', 'OCCUPATIONAL_INJURY')),
    region     varchar(6),
    worker_id  uuid,
    payer      varchar(80),
    created_at timestamptz not null default now(),
    check (kind <> 'INDIVIDUAL' or (scheme is not null and region is not null and worker_id is not null and payer is null)),
    check (kind <> 'POOLED' or (scheme is not null and region is not null and worker_id is null and payer is null)),
    check (kind <> 'PAYER' or (payer is not null and scheme is null and region is null and worker_id is null))
);
create unique index account_individual on account (worker_id, scheme, region) where kind = 'INDIVIDUAL';
create unique index account_pooled on account (scheme, region) where kind = 'POOLED';
create unique index account_payer on account (payer) where kind = 'PAYER';

create sequence posting_id_seq;

-- amount_fen is what the posting pays toward the month of period (negative for a reversal, 0 for a
-- transfer); individual_fen and pooled_fen are its split between the worker's individual account
-- and the pooled fund of region. A late contribution for a region the worker has left also carries
-- what it forwarded to the region the worker moved to (forwarded_to, forwarded_*_fen).
create table posting (
    id                       bigint       primary key,
    kind                     varchar(16)  not null check (kind in ('CONTRIBUTION', 'SELF_PAYMENT', 'REVERSAL', 'TRANSFER')),
    source                   varchar(80)  not null,
    ref                      varchar(128) not null,
    content_mac              bytea,
    batch_id                 uuid,
    line_no                  int,
    worker_id                uuid         not null,
    scheme                   varchar(24)  not null check (scheme in ('PENSION', 'MEDICAL', 'OCCUPATIONAL_INJURY')),
    region                   varchar(6)   not null,
    period                   varchar(10),
    month                    varchar(7),
    amount_fen               bigint       not null,
    individual_fen           bigint       not null,
    pooled_fen               bigint       not null,
    orders                   int,
    sector                   varchar(20),
    reverses_id              bigint,
    forwarded_to             varchar(6),
    forwarded_individual_fen bigint       not null default 0,
    forwarded_pooled_fen     bigint       not null default 0,
    transfer_id              uuid,
    posted_at                timestamptz  not null,
    constraint posting_once unique (source, ref),
    check (individual_fen + pooled_fen = amount_fen),
    check (kind = 'TRANSFER' or month is not null),
    check (kind <> 'REVERSAL' or reverses_id is not null)
);
create index posting_by_worker on posting (worker_id, scheme, month);
-- A posting is reversed at most once (a partial index: most postings reverse nothing).
create unique index posting_reversed_once on posting (reverses_id) where reverses_id is not null;

-- The key leads with the account: one index both identifies a leg and finds an account's legs.
create table ledger_entry (
    posting_id bigint     not null,
    leg        smallint   not null,
    account_id uuid       not null,
    side       varchar(1) not null check (side in ('D', 'C')),
    amount_fen bigint     not null check (amount_fen > 0),
    primary key (account_id, posting_id, leg)
);

-- Every statement that adds legs must add balanced postings: per posting, debits = credits. Since
-- rows are never changed or removed, every posting balances at all times.
create function ledger_check_balanced() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select posting_id into unbalanced from added
     group by posting_id
    having sum(case when side = 'D' then amount_fen else -amount_fen end) <> 0
     limit 1;
    if found then
        raise exception 'posting % does not balance: its debits differ from its credits', unbalanced
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;
create trigger ledger_entry_balanced after insert on ledger_entry
    referencing new table as added for each statement execute function ledger_check_balanced();

-- Months whose pooled-fund share (12% of the base, pension) has moved to another region with a
-- transfer, or with a late contribution forwarded after one; a later transfer moves them no more.
create table transferred_month (
    worker_id   uuid        not null,
    scheme      varchar(24) not null,
    region      varchar(6)  not null,
    month       varchar(7)  not null,
    to_region   varchar(6)  not null,
    pooled_fen  bigint      not null,
    posting_id  bigint      not null,
    transfer_id uuid
);
create index transferred_month_by_worker on transferred_month (worker_id, scheme, region);

create trigger account_insert_only before update or delete on account for each row execute function ledger_forbid_change();
create trigger account_no_truncate before truncate on account for each statement execute function ledger_forbid_change();
create trigger posting_insert_only before update or delete on posting for each row execute function ledger_forbid_change();
create trigger posting_no_truncate before truncate on posting for each statement execute function ledger_forbid_change();
create trigger ledger_entry_insert_only before update or delete on ledger_entry for each row execute function ledger_forbid_change();
create trigger ledger_entry_no_truncate before truncate on ledger_entry for each statement execute function ledger_forbid_change();
create trigger transferred_month_insert_only before update or delete on transferred_month for each row execute function ledger_forbid_change();
create trigger transferred_month_no_truncate before truncate on transferred_month for each statement execute function ledger_forbid_change();

-- A platform's feed, under its Idempotency-Key (scoped to the platform's client id): the hash of the
-- body tells a replay from a different request, and the report is answered again on a replay.
create table contribution_batch (
    id              uuid         primary key,
    client_id       varchar(255) not null,
    platform_code   varchar(32)  not null,
    idempotency_key varchar(255) not null,
    request_hash    bytea        not null,
    content_type    varchar(40)  not null,
    received        int          not null,
    accepted        int          not null,
    duplicates      int          not null,
    rejected        int          not null,
    errors          jsonb        not null,
    created_at      timestamptz  not null,
    constraint contribution_batch_key unique (client_id, idempotency_key),
    check (received = accepted + duplicates + rejected)
);
create index contribution_batch_by_client on contribution_batch (client_id, id);

-- Other idempotent requests (a worker's self-payments): the first response, answered again.
create table idempotent_request (
    scope           varchar(120) not null,
    idempotency_key varchar(255) not null,
    request_hash    bytea        not null,
    status          int          not null,
    response        jsonb        not null,
    created_at      timestamptz  not null,
    primary key (scope, idempotency_key)
);

-- Contribution policy of a pooling region for a year. Editable (admin, officer of the region);
-- rows seeded by the project are marked illustrative.
create table region_policy (
    region                     varchar(6)   not null,
    year                       int          not null check (year between 2000 and 2100),
    average_monthly_wage_fen   bigint       not null check (average_monthly_wage_fen > 0),
    base_floor_percent         int          not null,
    base_ceiling_percent       int          not null,
    pension_rate_percent       numeric(5,2) not null check (pension_rate_percent between 0 and 100),
    pension_individual_percent numeric(5,2) not null check (pension_individual_percent >= 0),
    medical_rate_percent       numeric(5,2) not null check (medical_rate_percent between 0 and 100),
    medical_individual_percent numeric(5,2) not null check (medical_individual_percent >= 0),
    injury_fee_per_order_fen   jsonb        not null,
    illustrative               boolean      not null,
    version                    int          not null,
    updated_by                 varchar(255) not null,
    updated_at                 timestamptz  not null,
    primary key (region, year),
    check (base_floor_percent > 0 and base_floor_percent <= base_ceiling_percent),
    check (pension_individual_percent <= pension_rate_percent),
    check (medical_individual_percent <= medical_rate_percent)
);

-- A transfer-service hold of what a transfer would move, then its commit or release.
create table transfer_hold (
    transfer_id              uuid        primary key,
    worker_id                uuid        not null,
    scheme                   varchar(24) not null check (scheme in ('PENSION', 'MEDICAL')),
    from_region              varchar(6)  not null,
    to_region                varchar(6)  not null,
    status                   varchar(12) not null check (status in ('HELD', 'COMMITTED', 'RELEASED')),
    held_individual_fen      bigint      not null,
    held_pooled_fen          bigint      not null,
    held_months              int         not null,
    committed_individual_fen bigint,
    committed_pooled_fen     bigint,
    committed_months         int,
    posting_id               bigint,
    created_at               timestamptz not null,
    committed_at             timestamptz,
    released_at              timestamptz,
    check (from_region <> to_region)
);
create unique index transfer_hold_one_open on transfer_hold (worker_id, scheme, from_region) where status = 'HELD';
create index transfer_hold_by_worker on transfer_hold (worker_id, scheme);
