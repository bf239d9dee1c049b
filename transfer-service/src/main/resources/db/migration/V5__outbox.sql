-- The transfer-service's transactional outbox: every step written to a case's trail is also written
-- here as an event, in the same transaction, for the services that tell a worker of her case (the
-- inbox). The layout is that of the enrollment-service's outbox and of Debezium's outbox event
-- router (id, aggregatetype, aggregateid, type, payload); GET /internal/events serves it
-- (docs/INTERNAL-API.md). No event carries a citizen ID.
--
-- seq is commit order: a deferred trigger numbers each event when its transaction commits, under a
-- transaction-level advisory lock (see the enrollment-service's V3__outbox.sql for why).
create sequence outbox_seq;
create table outbox_event (
    id            uuid         primary key,
    aggregatetype varchar(32)  not null,
    aggregateid   varchar(64)  not null,
    type          varchar(64)  not null,
    payload       jsonb        not null,
    occurred_at   timestamptz  not null,
    seq           bigint       unique
);
create index outbox_event_by_aggregate on outbox_event (aggregatetype, aggregateid, seq);

create function outbox_number_event() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('psi.outbox'));
    update outbox_event set seq = nextval('outbox_seq') where id = new.id;
    return null;
end
$$;
create constraint trigger outbox_event_numbered after insert on outbox_event
    deferrable initially deferred for each row execute function outbox_number_event();

-- How far each reading service has applied the feed (its acknowledgement) and when it last asked.
create table event_reader (
    reader   varchar(255) primary key,
    position bigint       not null,
    seen_at  timestamptz  not null
);
