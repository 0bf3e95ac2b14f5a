-- Petitioners: persons or organisations; identity numbers only encrypted, hashed and masked.
alter table petitioner
    add column type                text    not null default 'PERSON',
    add column id_number_encrypted text,
    add column id_number_hash      text,
    add column id_number_masked    text,
    add column representative      boolean not null default false;
create index petitioner_id_number_hash on petitioner (id_number_hash);

-- Safe retries: the first result of a POST with an Idempotency-Key, per user.
create table idempotency_key (
    registered_by text        not null,
    key           text        not null,
    request_hash  text        not null,
    case_id       uuid        not null references petition (id),
    created_at    timestamptz not null,
    primary key (registered_by, key)
);
