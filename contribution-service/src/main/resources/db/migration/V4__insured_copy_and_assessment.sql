-- ================================================================ the local copy of the enrollment-service's facts
-- Kept from the enrollment-service's event feed (docs/INTERNAL-API.md), so that statements,
-- certificates, feeds and self-payments ask no other service. Each row remembers the feed position
-- (seq) of the event it was last changed by: an event at or below it is not applied again.

-- The worker stream: login subject, enrollments (months covered, base grades) and consents, as the
-- enrollment-service's WorkerRecord JSON.
create table insured_worker (
    worker_id  uuid         primary key,
    subject    varchar(255) not null unique,
    record     jsonb        not null,
    seq        bigint       not null,
    updated_at timestamptz  not null
);

-- The holder stream: the blind index of the citizen ID (HMAC-SHA256 under the key shared with the
-- enrollment-service; a feed line's ID is matched by it), the name and the last 4 characters.
create table insured_holder (
    worker_id         uuid         primary key,
    national_id_index bytea        not null unique,
    name              varchar(100) not null,
    national_id_last4 varchar(4)   not null,
    seq               bigint       not null
);

create table insured_platform (
    code      varchar(32)  primary key,
    client_id varchar(255) not null unique,
    name      varchar(200) not null,
    sectors   varchar(200) not null,
    seq       bigint       not null
);

-- How far each source's feed has been applied (in the transaction that applied it).
create table event_position (
    source     varchar(64) primary key,
    position   bigint      not null,
    updated_at timestamptz not null
);

-- ================================================================ policies are versioned
-- region_policy holds the version in force; every version, with when it took effect and who set it,
-- is kept here (insert-only). A month is assessed from the version in force when it was assessed.
create table region_policy_version (
    region                     varchar(6)   not null,
    year                       int          not null,
    version                    int          not null,
    average_monthly_wage_fen   bigint       not null,
    base_floor_percent         int          not null,
    base_ceiling_percent       int          not null,
    pension_rate_percent       numeric(5,2) not null,
    pension_individual_percent numeric(5,2) not null,
    medical_rate_percent       numeric(5,2) not null,
    medical_individual_percent numeric(5,2) not null,
    injury_fee_per_order_fen   jsonb        not null,
    illustrative               boolean      not null,
    set_by                     varchar(255) not null,
    effective_at               timestamptz  not null,
    primary key (region, year, version)
);
insert into region_policy_version
select region, year, version, average_monthly_wage_fen, base_floor_percent, base_ceiling_percent, pension_rate_percent,
       pension_individual_percent, medical_rate_percent, medical_individual_percent, injury_fee_per_order_fen,
       illustrative, updated_by, updated_at
  from region_policy;
create trigger region_policy_version_insert_only before update or delete on region_policy_version for each row execute function ledger_forbid_change();

-- ================================================================ assessment (核定)
-- Each month of a worker's PENSION or MEDICAL is assessed once, when it opens (or when a back-dated
-- enrollment creates it): the region, the base (grade x the region's average wage), the rate, the
-- individual account's points and the due, and the policy version they came from. Feeds,
-- self-payments, statements, certificates, transfer quotes and statistics read it; nothing prices a
-- past month from the current policy. Only an explicit re-assessment changes it, recorded in
-- assessment_adjustment with the old and the new figures.
create table month_assessment (
    worker_id          uuid         not null,
    scheme             varchar(24)  not null check (scheme in ('PENSION', 'MEDICAL')),
    month              varchar(7)   not null,
    region             varchar(6)   not null,
    base_grade         int,
    base_fen           bigint       not null check (base_fen > 0),
    rate_percent       numeric(5,2) not null check (rate_percent > 0),
    individual_percent numeric(5,2) not null check (individual_percent >= 0 and individual_percent < rate_percent),
    due_fen            bigint       not null check (due_fen > 0),
    policy_region      varchar(6)   not null,
    policy_year        int          not null,
    policy_version     int          not null,
    revision           int          not null default 1,
    assessed_at        timestamptz  not null,
    primary key (worker_id, scheme, month)
);
create index month_assessment_by_policy on month_assessment (policy_region, policy_year);

-- Months whose opening run has assessed every current enrollment.
create table assessment_run (
    month       varchar(7)  primary key,
    workers     int         not null,
    assessed    int         not null,
    finished_at timestamptz not null
);

-- A re-assessment (补差): an admin or the region's officer applies a policy version to months
-- already assessed; each changed month is recorded with its old and new figures, and what the new
-- due left paid beyond it was moved to the payers' refundable credit (refunded_fen).
create table reassessment (
    id             uuid         primary key,
    region         varchar(6)   not null,
    year           int          not null,
    policy_version int          not null,
    reason         varchar(500) not null,
    requested_by   varchar(255) not null,
    requested_at   timestamptz  not null,
    months         int          not null,
    changed        int          not null,
    refunded_fen   bigint       not null
);
create table assessment_adjustment (
    reassessment_id    uuid        not null references reassessment (id),
    worker_id          uuid        not null,
    scheme             varchar(24) not null,
    month              varchar(7)  not null,
    region             varchar(6)  not null,
    old_base_fen       bigint      not null,
    new_base_fen       bigint      not null,
    old_due_fen        bigint      not null,
    new_due_fen        bigint      not null,
    old_policy_version int         not null,
    new_policy_version int         not null,
    refunded_fen       bigint      not null,
    adjusted_at        timestamptz not null,
    primary key (reassessment_id, worker_id, scheme, month)
);
create index assessment_adjustment_by_month on assessment_adjustment (worker_id, scheme, month);
create trigger reassessment_insert_only before update or delete on reassessment for each row execute function ledger_forbid_change();
create trigger assessment_adjustment_insert_only before update or delete on assessment_adjustment for each row execute function ledger_forbid_change();

-- A correction moves what was paid beyond a month's due (after a re-assessment downwards) to the
-- payer's refundable credit (退费): an insert-only posting toward the month, like a reversal.
alter table posting drop constraint posting_kind_check;
alter table posting add constraint posting_kind_check
    check (kind in ('CONTRIBUTION', 'SELF_PAYMENT', 'REVERSAL', 'CORRECTION', 'TRANSFER'));

-- Months already paid toward before assessments existed are assessed from the due their postings
-- recorded (posting.due_fen, the latest per month), the base worked back from it at the rate of the
-- policy of that region and year (a city without its own policy uses its province's). Months whose
-- postings recorded no due are assessed by the service from the enrollment facts once its copy has
-- them, like any open month; what is then paid beyond a due goes to refundable credit
-- (see AssessmentMigration in the service).
insert into month_assessment (worker_id, scheme, month, region, base_grade, base_fen, rate_percent, individual_percent,
                              due_fen, policy_region, policy_year, policy_version, revision, assessed_at)
select d.worker_id, d.scheme, d.month, d.region, null,
       round(d.due_fen * 100 / (case when d.scheme = 'PENSION' then p.pension_rate_percent else p.medical_rate_percent end) / 100) * 100,
       case when d.scheme = 'PENSION' then p.pension_rate_percent else p.medical_rate_percent end,
       case when d.scheme = 'PENSION' then p.pension_individual_percent else p.medical_individual_percent end,
       d.due_fen, p.region, p.year, p.version, 1, now()
  from (select distinct on (worker_id, scheme, month) worker_id, scheme, month, region, due_fen
          from posting
         where due_fen is not null and due_fen > 0 and scheme in ('PENSION', 'MEDICAL') and month is not null
         order by worker_id, scheme, month, id desc) d
  join lateral (select * from region_policy rp
                 where rp.year = cast(substr(d.month, 1, 4) as int)
                   and (rp.region = d.region or rp.region = substr(d.region, 1, 2) || '0000')
                 order by (rp.region = d.region) desc limit 1) p on true
 where (case when d.scheme = 'PENSION' then p.pension_rate_percent else p.medical_rate_percent end) > 0
   and (case when d.scheme = 'PENSION' then p.pension_individual_percent else p.medical_individual_percent end)
       < (case when d.scheme = 'PENSION' then p.pension_rate_percent else p.medical_rate_percent end);
