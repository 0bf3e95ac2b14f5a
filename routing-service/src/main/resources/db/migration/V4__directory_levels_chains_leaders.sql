-- The jurisdiction directory at all five levels (issue 4).
-- 行政区划: province (2 digits), city (4), county (6), township (9), village (12). A code's parent is
-- its prefix one level up. Province to township are loaded by V5 from the shipped data; villages are
-- imported by an administrator (POST /api/directory/divisions).
create table division (
    code        text primary key,
    name        text     not null,
    level       smallint not null check (level between 1 and 5),
    parent_code text references division (code)
);
create index division_parent on division (parent_code);
create index division_code_prefix on division (code text_pattern_ops);
create index division_name_prefix on division (name text_pattern_ops);

-- A unit of the directory: a functional department, the local petition office (信访局) or the
-- discipline inspection body (纪委监委); its supervising body (上级主管单位) is another unit.
alter table department add column kind text not null default 'DEPARTMENT'
    check (kind in ('DEPARTMENT', 'PETITION_OFFICE', 'DISCIPLINE_INSPECTION'));
alter table department add column supervising_code text references department (code);
create index department_supervising on department (supervising_code);

-- Leaders who may own cases (包案领导) at a locality.
create table leader (
    id            text primary key,
    name          text    not null,
    title         text    not null,
    locality_code text    not null,
    email         text,
    owns_cases    boolean not null default true
);
create index leader_locality on leader (locality_code);

-- Bumped by every change of the directory, so that each replica refreshes its in-memory index.
create table directory_version (
    id      smallint primary key check (id = 1),
    version bigint not null
);
insert into directory_version (id, version) values (1, 1);

-- What the rules need to route a case again after a return, and what happened since.
alter table routing_decision add column kind text;
alter table routing_decision add column accused_unit_code text;
alter table routing_decision add column addressed_to_locality text;
alter table routing_decision add column collective boolean not null default false;
alter table routing_decision add column households integer;
alter table routing_decision add column skip_level boolean not null default false;
alter table routing_decision add column owning_leader_id text;
alter table routing_decision add column acceptance_due date;
alter table routing_decision add column decided_by text not null default 'RULES';
alter table routing_decision add column legal_channel text;
alter table routing_decision add column return_count integer not null default 0;
alter table routing_decision add column version integer not null default 0;

-- 退回: every return of a case, with the department's reason.
create table case_return (
    id              uuid primary key,
    case_id         uuid        not null references routing_decision (case_id),
    department_code text        not null,
    reason          text        not null,
    returned_by     text        not null,
    returned_at     timestamptz not null
);
create index case_return_case on case_return (case_id);
