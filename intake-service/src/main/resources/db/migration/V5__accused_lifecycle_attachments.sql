-- Accusations (检举控告): the accused unit or official. Whistleblower material: never shown to them.
alter table petition
    add column accused_unit_code         text,
    add column accused_unit_name         text,
    add column accused_official_name     text,
    add column accused_official_position text;

-- The case as the handler chain and the petitioner follow it (from case.assigned.v1 and case.lifecycle.v1)
-- and the petitioner's own actions after the reply.
alter table petition
    add column assigned_department_code text,
    add column assigned_department_name text,
    add column replied_at               timestamptz,
    add column reviewed_at              timestamptz,
    add column closed_at                timestamptz,
    add column evaluation               text,
    add column evaluated_at             timestamptz,
    add column review_requested_at      timestamptz,
    add column re_review_requested_at   timestamptz;
create index petition_assigned_department on petition (assigned_department_code);

-- A reason or note the petitioner may read with a step (not accepted because ..., extended because ...).
alter table petition_status add column note text;

-- Attachments: metadata apart from the content, so that listing never reads the bytes.
create table attachment
(
    id          uuid primary key,
    petition_id uuid        not null references petition (id),
    file_name   text        not null,
    media_type  text        not null,
    size_bytes  bigint      not null,
    sha256      text        not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null
);
create index attachment_petition on attachment (petition_id, uploaded_at);
-- the same file twice on one petition is one attachment
create unique index attachment_petition_sha256 on attachment (petition_id, sha256);

create table attachment_content
(
    id      uuid primary key references attachment (id),
    content bytea not null
);
