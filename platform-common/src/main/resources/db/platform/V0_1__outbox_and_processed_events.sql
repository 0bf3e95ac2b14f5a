-- Transactional outbox: events written with the state change, relayed to Kafka by OutboxRelay.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumers: the events each consumer has applied.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
