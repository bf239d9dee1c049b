-- Transfer cases: one row per application to move a worker's PENSION or MEDICAL insurance from one
-- pooling region to another. The row is also the durable state of the saga that carries the case
-- out across the enrollment-service and contribution-service (saga_* columns, hold_state, moved).
create table transfer_case (
    id                   uuid          primary key,
    worker_id            uuid          not null,
    subject              varchar(255)  not null,
    scheme               varchar(24)   not null check (scheme in ('PENSION', 'MEDICAL')),
    route                varchar(12)   not null check (route in ('MOVE', 'TEMPORARY')),
    status               varchar(16)   not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'CANCELLED',
                                                                  'TRANSFERRED_OUT', 'COMPLETED', 'FAILED')),
    from_region          varchar(6)    not null,
    to_region            varchar(6)    not null,
    temporary_reason     varchar(500)  not null,
    submitted_at         timestamptz   not null,
    decided_at           timestamptz,
    transferred_out_at   timestamptz,
    closed_at            timestamptz,
    rejection_reason     varchar(1000),
    failure_reason       varchar(1000),

    -- Deadlines per step, in working days (null working_days: no statutory deadline for that step).
    review_days          int,
    review_started_on    date,
    review_due_on        date,
    review_done_on       date,
    out_days             int,
    out_started_on       date,
    out_due_on           date,
    out_done_on          date,
    in_days              int,
    in_started_on        date,
    in_due_on            date,
    in_done_on           date,
    current_step         varchar(16)   check (current_step in ('REVIEW', 'TRANSFER_OUT', 'TRANSFER_IN')),
    current_due_on       date,

    -- Saga progress: what the other services have done for this case, and what is to be done next.
    hold_state           varchar(10)   not null check (hold_state in ('NONE', 'REQUESTED', 'HELD', 'COMMITTED', 'RELEASED')),
    held_individual_fen  bigint,
    held_pooled_fen      bigint,
    held_months          int,
    moved                boolean       not null,
    opened_enrollment_id uuid,
    saga_action          varchar(10)   check (saga_action in ('HOLD', 'MOVE', 'COMMIT', 'RELEASE')),
    saga_due_at          timestamptz,
    saga_claim           uuid,
    saga_attempts        int           not null,
    saga_error           varchar(1000),
    attention            boolean       not null,

    -- Head of the event trail: a removed or changed event no longer leads to it.
    event_count          int           not null,
    last_event_hash      varchar(64)   not null,
    check (from_region <> to_region),
    check (held_individual_fen is null or held_individual_fen >= 0),
    check (held_pooled_fen is null or held_pooled_fen >= 0)
);
-- At most one open case per worker and scheme: two different concurrent applications cannot both proceed.
create unique index transfer_one_open on transfer_case (worker_id, scheme)
    where status in ('SUBMITTED', 'ACCEPTED', 'TRANSFERRED_OUT');
create index transfer_by_subject on transfer_case (subject, submitted_at, id);
create index transfer_by_from on transfer_case (from_region, submitted_at, id);
create index transfer_by_to on transfer_case (to_region, submitted_at, id);
-- The saga worker polls this: cases with a step due.
create index transfer_saga_due on transfer_case (saga_due_at) where saga_due_at is not null;

-- The event trail of a case: insert-only, each event carrying the hash of the one before it.
create table transfer_event (
    id          uuid          primary key,
    transfer_id uuid          not null references transfer_case (id),
    seq         int           not null,
    type        varchar(32)   not null,
    at          timestamptz   not null,
    actor       varchar(300)  not null,
    data        varchar(2000) not null,
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null,
    unique (transfer_id, seq)
);

-- Idempotency-Key of POST /api/transfers, scoped to the caller: the same key and body replays the case.
create table idempotency_key (
    caller       varchar(255) not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    -- checked at commit: the key is claimed first, so a concurrent identical request waits on it
    transfer_id     uuid         not null references transfer_case (id) deferrable initially deferred,
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);

-- The working-day calendar: weekends are days off unless listed as WORKDAY (make-up working days);
-- weekdays are working days unless listed as HOLIDAY.
create table calendar_day (
    day  date         primary key,
    kind varchar(10)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(100) not null
);
