create table notification (
    id              uuid primary key,
    event_id        text        not null,
    case_id         uuid        not null,
    kind            text        not null,
    channel         text        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    -- never two messages for the same event, recipient and channel
    unique (event_id, recipient, channel)
);
create index notification_case on notification (case_id);
create index notification_due on notification (next_attempt_at) where status = 'QUEUED';
