-- Every read of a petitioner's personal data in clear (the full view, an attachment): who, which case, when.
-- No personal data itself. Auditors query it per area (docs/security.md).
create table personal_data_read
(
    id        uuid        primary key,
    case_id   uuid        not null references petition (id),
    read_by   text        not null,
    roles     text        not null,
    what      text        not null,
    at        timestamptz not null
);
create index personal_data_read_case on personal_data_read (case_id, at);
create index personal_data_read_at on personal_data_read (at);
