-- The worker's inbox: what her app shows her. A notification names the worker by id and carries
-- ids, months, amounts and states only (never a citizen ID); its title and body are written in the
-- reader's language when she reads it. `about` says what it is about, once per worker: a month left
-- unpaid is told once, an event once however often it is applied.
create table notification (
    id         uuid        primary key,
    worker_id  uuid        not null,
    kind       varchar(24) not null check (kind in ('MONTH_UNPAID', 'CONSENT_CHANGED', 'TRANSFER_STEP', 'CREDENTIAL_REVOKED')),
    about      varchar(120) not null,
    data       jsonb       not null,
    created_at timestamptz not null default clock_timestamp(),
    read_at    timestamptz,
    unique (worker_id, about)
);
create index notification_inbox on notification (worker_id, created_at desc, id desc);

-- A credential whose status turns INVALID (V7's triggers, when her record changed) is told to its holder.
create function notification_of_revoked_credentials() returns trigger language plpgsql as $$
begin
    insert into notification (id, worker_id, kind, about, data)
    select gen_random_uuid(), n.worker_id, 'CREDENTIAL_REVOKED', 'credential:' || n.list_id || ':' || n.idx,
           jsonb_build_object('scheme', n.scheme, 'issuedAt', to_char(n.issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
      from changed n join previous o using (list_id, idx)
     where o.status = 0 and n.status = 1 and n.expires_at > now()
    on conflict (worker_id, about) do nothing;
    return null;
end $$;
create trigger credential_revocation_notifies after update on credential_status
    referencing old table as previous new table as changed
    for each statement execute function notification_of_revoked_credentials();
