-- The whole life of a case: its stage, the limit that runs now, and the dates of each step.
alter table supervised_case
    add column department_name        text,
    add column due                    date,
    add column due_kind               text,
    add column accepted_at            timestamptz,
    add column reply_due              date,
    add column extended_days          integer,
    add column replied_at             timestamptz,
    add column hearing_started_at     timestamptz,
    add column hearing_days           integer not null default 0,
    add column evaluation             text,
    add column review_requested_at    timestamptz,
    add column reviewed_at            timestamptz,
    add column re_review_requested_at timestamptz,
    add column closed_at              timestamptz;
update supervised_case set due = acceptance_due, due_kind = 'ACCEPTANCE' where status = 'AWAITING_ACCEPTANCE';
drop index supervised_case_acceptance_due;
-- the sweep reads only the cases whose running limit is near: its cost follows the cases due, not those open
create index supervised_case_due on supervised_case (due) where due is not null;

-- Every step of every case, in order: who did what, when, with which reason or text (the audit trail).
create table case_step
(
    id              uuid primary key,
    case_id         uuid        not null references supervised_case (case_id),
    step            text        not null,
    at              timestamptz not null,
    actor           text        not null,
    department_code text,
    reason          text,
    text            text
);
create index case_step_case on case_step (case_id, at);
