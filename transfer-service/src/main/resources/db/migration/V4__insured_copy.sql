-- This service's copy of what the transfer rules need of the enrollment-service's facts, kept from
-- its event feed (docs/INTERNAL-API.md): the worker stream (login subject, enrollments) and the
-- person stream (birth date, sex, household region). Each row remembers the feed position (seq) of
-- the event it was last changed by: an event at or below it is not applied again.
create table insured_worker (
    worker_id  uuid         primary key,
    subject    varchar(255) not null unique,
    record     jsonb        not null,
    seq        bigint       not null,
    updated_at timestamptz  not null
);

create table insured_person (
    worker_id    uuid        primary key,
    birth_date   date        not null,
    sex          varchar(6)  not null,
    hukou_region varchar(6)  not null,
    seq          bigint      not null
);

-- How far each source's feed has been applied (in the transaction that applied it).
create table event_position (
    source     varchar(64) primary key,
    position   bigint      not null,
    updated_at timestamptz not null
);
