-- Workers: bound to their token subject. The citizen ID is stored only encrypted (AES-GCM) and
-- found through a keyed hash (HMAC-SHA256 blind index); the last 4 characters serve masking.
create table worker (
    id                 uuid         primary key,
    subject            varchar(255) not null unique,
    national_id_cipher bytea        not null,
    national_id_index  bytea        not null unique,
    national_id_last4  varchar(4)   not null,
    name               varchar(100) not null,
    phone              varchar(32)  not null,
    birth_date         date         not null,
    sex                varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    hukou_region       varchar(6)      not null,
    residence_region   varchar(6)      not null,
    created_at         timestamptz  not null
);

-- Enrollments: one current (ACTIVE, SUSPENDED or TEMPORARY) per worker and scheme, nationwide.
-- Months are written YYYY-MM, which sorts in time order.
create table enrollment (
    id                 uuid        primary key,
    worker_id          uuid        not null references worker (id),
    scheme             varchar(24) not null check (scheme in ('PENSION', 'MEDICAL', 'OCCUPATIONAL_INJURY')),
    region             varchar(6)     not null,
    status             varchar(12) not null check (status in ('ACTIVE', 'SUSPENDED', 'TEMPORARY', 'CLOSED')),
    start_month        varchar(7)     not null,
    end_month          varchar(7),
    opened_by_transfer uuid unique,
    closed_by_transfer uuid unique,
    created_at         timestamptz not null,
    check (end_month is null or end_month >= start_month)
);
create unique index enrollment_one_current on enrollment (worker_id, scheme)
    where status in ('ACTIVE', 'SUSPENDED', 'TEMPORARY');
create index enrollment_by_region on enrollment (region, scheme, status, id);
create index enrollment_by_worker on enrollment (worker_id);

-- Base-grade history: the grade in force for a month is the latest change effective on or before it.
create table enrollment_grade (
    id              uuid        primary key,
    enrollment_id   uuid        not null references enrollment (id),
    effective_month varchar(7)     not null,
    base_grade      int         not null check (base_grade between 60 and 300),
    changed_at      timestamptz not null
);
create index enrollment_grade_by_enrollment on enrollment_grade (enrollment_id, effective_month);

-- Status history (ACTIVE/SUSPENDED), each effective from a month.
create table enrollment_status_change (
    id              uuid        primary key,
    enrollment_id   uuid        not null references enrollment (id),
    effective_month varchar(7)     not null,
    status          varchar(12) not null,
    changed_at      timestamptz not null
);
create index enrollment_status_by_enrollment on enrollment_status_change (enrollment_id, effective_month);

-- Platforms, registered by an admin and matched to the calling platform's OIDC client id.
create table platform (
    code        varchar(32)  primary key,
    name        varchar(200) not null,
    credit_code varchar(18)     not null unique,
    client_id   varchar(255) not null unique,
    sectors     varchar(200) not null,
    created_at  timestamptz  not null
);

-- Consents: a worker grants a platform the right to contribute for them, and may revoke it.
create table platform_link (
    id            uuid        primary key,
    worker_id     uuid        not null references worker (id),
    platform_code varchar(32) not null references platform (code),
    granted_at    timestamptz not null,
    revoked_at    timestamptz,
    check (revoked_at is null or revoked_at >= granted_at)
);
create unique index platform_link_one_active on platform_link (worker_id, platform_code) where revoked_at is null;
create index platform_link_by_platform on platform_link (platform_code, worker_id);

-- Every unmasked read of a citizen ID, with who, why and when.
create table id_reveal_audit (
    id         uuid         primary key,
    worker_id  uuid         not null references worker (id),
    actor      varchar(300) not null,
    reason     varchar(500) not null,
    at         timestamptz  not null
);
create index id_reveal_audit_by_worker on id_reveal_audit (worker_id, at);
