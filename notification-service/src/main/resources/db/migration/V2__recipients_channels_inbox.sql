-- Issue 6: who hears what, on which channel, and what happened to each message.

-- Who to tell about a case, as the events said: the assigned department, its supervising body and the
-- owning leader (case.assigned.v1, latest assignment wins), and the petitioners (petitioner.contact.v1,
-- personal data: shown to nobody through the API, never logged).
create table case_recipients (
    case_id              uuid primary key,
    tracking_code        text,
    department_code      text,
    department_name      text,
    department_email     text,
    supervising_code     text,
    supervising_name     text,
    supervising_email    text,
    leader_id            text,
    leader_name          text,
    leader_email         text,
    assigned_at          timestamptz,
    petitioners          jsonb,
    petitioner_user_id   text,
    petitioner_language  text,
    petitioner_notify_by text[],
    contact_at           timestamptz
);

-- An event whose recipients are not known yet (the petitioners' contacts, or the case's assignment,
-- arrive on another topic): processed again when they arrive.
create table pending_notice (
    event_id   text primary key,
    case_id    uuid        not null,
    topic      text        not null,
    event_type text        not null,
    payload    text        not null,
    event_time timestamptz not null,
    created_at timestamptz not null
);
create index pending_notice_case on pending_notice (case_id);

-- Messages: a case id is absent for a circular; the recipient key names who it is for
-- (user:<subject>, petitioner:<case>/<n>, unit:<code>, leader:<id>).
alter table notification alter column case_id drop not null;
alter table notification add column recipient_key text not null default '';
alter table notification add column language text not null default 'zh';
alter table notification add column urgent boolean not null default false;
alter table notification add column event_time timestamptz;
alter table notification add column claimed_at timestamptz;
create index notification_status on notification (status, created_at);
-- one event can owe a recipient two kinds of message (the reply and the invitation to evaluate)
alter table notification drop constraint notification_event_id_recipient_channel_key;
alter table notification add constraint notification_once unique (event_id, kind, recipient, channel);
create index notification_sending on notification (claimed_at) where status = 'SENDING';

-- Every attempt to deliver a message, for the delivery log.
create table delivery_attempt (
    notification_id uuid        not null references notification (id),
    attempt         integer     not null,
    at              timestamptz not null,
    outcome         text        not null,
    error           text,
    primary key (notification_id, attempt)
);

-- The in-app inbox of a user, a unit or a leader.
create table inbox_message (
    id              uuid primary key,
    notification_id uuid        not null unique references notification (id),
    owner           text        not null,
    case_id         uuid,
    kind            text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz
);
create index inbox_message_owner on inbox_message (owner, created_at desc);
create index inbox_message_unread on inbox_message (owner) where read_at is null;

-- What a recipient wants: channels, language, quiet hours, and for units and leaders an SMS number.
create table recipient_preference (
    recipient_key text primary key,
    channels      text[]      not null,
    language      text        not null default 'zh',
    quiet_start   time,
    quiet_end     time,
    phone         text,
    updated_at    timestamptz not null,
    updated_by    text        not null
);
