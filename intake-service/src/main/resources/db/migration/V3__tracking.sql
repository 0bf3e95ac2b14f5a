-- The query secret (查询密码) that goes with the tracking code, encrypted so that a retried
-- registration can return it again.
alter table petition add column query_secret_encrypted text;

-- The status timeline the petitioner sees.
create table petition_status (
    id          uuid primary key,
    petition_id uuid        not null references petition (id),
    at          timestamptz not null,
    status      text        not null,
    body_name   text
);
create index petition_status_petition on petition_status (petition_id, at);
