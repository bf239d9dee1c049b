-- The transactional outbox: every change other PSI services keep a copy of is written here as an
-- event, in the transaction of the change. The columns id, aggregatetype, aggregateid, type and
-- payload are those Debezium's outbox event router reads, so a national deployment can stream this
-- table to Kafka unchanged (deploy/README.md); PSI's own services pull it through
-- GET /internal/events (docs/INTERNAL-API.md). No event carries a citizen ID.
--
-- seq orders the events as their transactions committed: a deferred trigger numbers each event at
-- commit, under a transaction-level advisory lock, so a reader that has seen seq n has seen every
-- event numbered below it (plain sequence values are taken in statement order and may commit out of
-- order, which would let a reader skip an event committed late).
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

-- The services that read the feed: how far each has applied it (its acknowledgement) and when it
-- last asked. Read-your-writes waits on these positions; pruning keeps what a reader has not passed.
create table event_reader (
    reader   varchar(255) primary key,
    position bigint       not null,
    seen_at  timestamptz  not null
);

-- Set once the events of the data that existed before the outbox (one snapshot per worker and
-- platform) have been written.
create table outbox_backfill (
    done_at timestamptz not null
);
