create table supervised_case (
    case_id         uuid primary key,
    tracking_code   text        not null,
    department_code text        not null,
    locality_code   text        not null,
    status          text        not null,
    received_at     timestamptz not null,
    assigned_at     timestamptz not null,
    acceptance_due  date        not null
);
-- the supervision sweep reads cases by due date
create index supervised_case_acceptance_due on supervised_case (acceptance_due) where status = 'AWAITING_ACCEPTANCE';
create index supervised_case_department on supervised_case (department_code);
