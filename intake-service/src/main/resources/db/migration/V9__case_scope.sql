-- What the shared case scope decides on (docs/security.md): from case.assigned.v1 the competent locality,
-- the owning leader and the handling unit's supervising body; the area of the clerk who registered a
-- letter, visit or call.
alter table petition
    add column competent_locality   text,
    add column owning_leader_id     text,
    add column supervising_body     text,
    add column registering_locality text;
