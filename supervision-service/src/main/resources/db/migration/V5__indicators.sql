-- Indicators (DOMAIN.md "what the people who run petition work count") are computed from the cases and
-- the petitions themselves, so that every figure can be traced to the cases behind it.

-- When acceptance was decided (受理 or 不予受理), when the petitioner evaluated, and how many units the
-- case was assigned to (1: handled by the first assigned unit, for 一次性化解率).
alter table supervised_case
    add column acceptance_decided_at timestamptz,
    add column evaluated_at          timestamptz,
    add column assignments           integer not null default 1,
    -- 越级: the petition was addressed above the competent level (routing's decision)
    add column skip_level            boolean not null default false;
update supervised_case set acceptance_decided_at = coalesce(accepted_at, case when status = 'NOT_ACCEPTED' then closed_at end);

-- every indicator reads cases by the day a limit was kept or missed, or an evaluation given
create index supervised_case_acceptance_decided on supervised_case (acceptance_decided_at);
create index supervised_case_acceptance_due_day on supervised_case (acceptance_due);
create index supervised_case_replied on supervised_case (replied_at) where replied_at is not null;
create index supervised_case_reply_due on supervised_case (reply_due) where reply_due is not null;
create index supervised_case_evaluated on supervised_case (evaluated_at) where evaluated_at is not null;

-- Every petition registered (petition.submitted.v1), repeats included (a repeat opens no case): the
-- counts of total, repeat and collective petitions (skip-level: from the case). No personal data.
create table petition_record
(
    petition_id     uuid primary key,
    case_id         uuid        not null,
    locality_code   text        not null,
    channel         text        not null,
    kind            text        not null,
    received_at     timestamptz not null,
    repeat          boolean     not null,
    collective      boolean     not null
);
create index petition_record_received on petition_record (received_at);
create index petition_record_case on petition_record (case_id);

-- The daily report (日报), kept as produced: one per day and locality, a zero report (零报告) included.
create table daily_report
(
    day         date        not null,
    locality    text        not null,
    zero_report boolean     not null,
    body        jsonb       not null,
    produced_at timestamptz not null,
    primary key (day, locality)
);

-- Holiday calendars an administrator loaded (新年度节假日安排); they take precedence over the shipped files.
create table calendar_year
(
    year      integer primary key,
    days      jsonb       not null,
    loaded_at timestamptz not null,
    loaded_by text        not null
);

-- the daily report reads the day's steps and alerts
create index case_step_at on case_step (at);
create index deadline_alert_day on deadline_alert (alert_day);
