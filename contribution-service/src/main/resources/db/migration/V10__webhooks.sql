-- Webhooks of platforms. A subscription names where and which event types; its signing secret is
-- kept here (it must be used to sign, so it is not hashed); after a rotation the previous one also
-- signs until `previous_valid_until`. A delivery is written in the same transaction as what caused
-- it (this table is the outbox of the webhooks) and sent later by the dispatcher; its id is the
-- CloudEvents id and the `webhook-id`. Deliveries carry ids, counts and states, never a citizen ID.
create table webhook_subscription (
    platform_code        varchar(32)  primary key,
    url                  varchar(2048) not null,
    events               text[]       not null,
    secret               varchar(64)  not null,
    previous_secret      varchar(64),
    previous_valid_until timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

create table webhook_delivery (
    id              uuid         primary key,
    platform_code   varchar(32)  not null,
    type            varchar(64)  not null,
    event           jsonb        not null,
    attempts        integer      not null default 0,
    last_status     integer,
    last_error      varchar(200),
    next_attempt_at timestamptz  not null,
    give_up_at      timestamptz  not null,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    created_at      timestamptz  not null default now()
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and failed_at is null;
create index webhook_delivery_log on webhook_delivery (platform_code, created_at desc);
