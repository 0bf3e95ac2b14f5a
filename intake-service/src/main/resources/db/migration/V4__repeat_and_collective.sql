-- Repeat petitions (重复访) are linked to the earlier case; five or more petitioners make a collective one.
create extension if not exists pg_trgm;
alter table petition
    add column repeat_of  uuid references petition (id),
    add column collective boolean not null default false;
create index petition_repeat_of on petition (repeat_of);
create index petitioner_phone on petitioner (phone);
