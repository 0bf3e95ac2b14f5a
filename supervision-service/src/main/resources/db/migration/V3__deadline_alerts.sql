-- Supervision of the running limit: warning, overdue, supervision order, escalations (case.deadline.v1).
-- next_alert_on is the day the case's next alert falls due: the sweep reads only the cases whose day
-- has come (partial index), so its cost follows the alerts due, not the cases open.
alter table supervised_case
    add column alert_level   integer not null default 0,
    add column next_alert_on date,
    add column overdue_since date;
create index supervised_case_next_alert on supervised_case (next_alert_on) where next_alert_on is not null;
-- cases already running a limit start their ladder (default warning lead: 3 days)
update supervised_case set next_alert_on = due - 3 where due is not null;
-- the sweep reads next_alert_on, not due
drop index if exists supervised_case_due;

-- Every alert issued; (case, limit, due day, alert, department) is issued once, whatever the number of replicas.
create table deadline_alert
(
    id              uuid primary key,
    case_id         uuid        not null references supervised_case (case_id),
    due_kind        text        not null,
    due             date        not null,
    alert           text        not null,
    alert_day       date        not null,
    department_code text        not null,
    at              timestamptz not null,
    unique (case_id, due_kind, due, alert, department_code)
);
create index deadline_alert_department on deadline_alert (department_code, at);
