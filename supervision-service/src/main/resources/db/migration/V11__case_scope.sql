-- What the shared case scope decides on (docs/security.md): the owning leader and the units that
-- handled the case before a reassignment.
alter table supervised_case
    add column owning_leader_id   text,
    add column former_departments text not null default '';
