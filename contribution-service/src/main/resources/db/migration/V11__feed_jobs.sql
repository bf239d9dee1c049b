-- Feed jobs: a platform's feed of any size, received as a stream and applied in chunks.
--
-- The upload is stored here as it arrives (every instance sees it; the pods' filesystems are
-- read-only), in chunks of whole text lines, each already checked to be well-formed NDJSON or CSV
-- (a CSV chunk after the first starts with a copy of the header row). Until the whole body has
-- arrived the job is RECEIVING and has no Idempotency-Key: a failed upload deletes it, one cut off by
-- a crash is deleted by the cleanup after an hour.
--
-- Each chunk is then applied as a batch of its own (contribution_batch.feed_job_id, feed_job_chunk:
-- unique, so a chunk applied before a crash is answered again, never applied twice) by whichever
-- instance holds the chunk's row lock (select ... for update skip locked); its body is dropped once
-- it is applied, its counts and rejected lines are kept.
create table feed_job (
    id              uuid         primary key,
    client_id       varchar(255) not null,
    platform_code   varchar(32)  not null,
    idempotency_key varchar(255),
    request_hash    bytea,
    format          varchar(40)  not null,
    gzip            boolean      not null,
    status          varchar(12)  not null check (status in ('RECEIVING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    bytes_received  bigint       not null default 0,
    lines           integer      not null default 0,
    chunks          integer      not null default 0,
    chunks_applied  integer      not null default 0,
    lines_read      integer      not null default 0,
    accepted        integer      not null default 0,
    duplicates      integer      not null default 0,
    rejected        integer      not null default 0,
    -- why a job FAILED: a code and its message (catalogue key, arguments and English text)
    failure_code    varchar(40),
    failure         jsonb,
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    constraint feed_job_key unique (client_id, idempotency_key),
    check (lines_read = accepted + duplicates + rejected)
);
create index feed_job_by_client on feed_job (client_id, id);
create index feed_job_open on feed_job (created_at) where status in ('RECEIVING', 'QUEUED', 'RUNNING');

create table feed_job_chunk (
    job_id     uuid    not null references feed_job on delete cascade,
    seq        integer not null,
    -- the text line of the upload where the chunk starts, and how many feed lines it holds
    first_line integer not null,
    lines      integer not null,
    body       bytea,
    applied_at timestamptz,
    batch_id   uuid,
    accepted   integer,
    duplicates integer,
    rejected   integer,
    -- the rejected lines: [{line, ref, code, message, key, args}], in line order
    errors     jsonb,
    primary key (job_id, seq)
);
create index feed_job_chunk_pending on feed_job_chunk (job_id, seq) where applied_at is null;

alter table contribution_batch
    alter column idempotency_key drop not null,
    add column feed_job_id uuid,
    add column feed_job_chunk integer,
    add constraint contribution_batch_chunk unique (feed_job_id, feed_job_chunk),
    add constraint contribution_batch_keyed check ((idempotency_key is null) <> (feed_job_id is null));
