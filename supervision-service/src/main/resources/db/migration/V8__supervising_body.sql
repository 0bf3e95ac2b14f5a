-- From case.assigned.v1: where the department receives notices, and its supervising body (上级主管单位),
-- which reviews the case (复查) and is named in the circular of overdue units. Null for cases assigned
-- before (older producers) and at the top of a line.
alter table supervised_case
    add column department_email  text,
    add column supervising_code  text,
    add column supervising_name  text,
    add column supervising_email text;
