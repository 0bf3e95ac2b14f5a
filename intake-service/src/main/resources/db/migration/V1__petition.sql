create table petition (
    id                 uuid primary key,
    tracking_code      text        not null unique,
    channel            text        not null,
    kind               text        not null,
    subject_category   text        not null,
    locality_code      text        not null,
    address_text       text,
    title              text        not null,
    content            text        not null,
    event_date         date,
    received_at        timestamptz not null,
    registered_by      text        not null,
    registered_by_role text        not null,
    status             text        not null
);
create index petition_registered_by on petition (registered_by);

create table petitioner (
    id          uuid primary key,
    petition_id uuid    not null references petition (id),
    position    integer not null,
    name        text    not null,
    phone       text,
    address     text
);
create index petitioner_petition on petitioner (petition_id);
