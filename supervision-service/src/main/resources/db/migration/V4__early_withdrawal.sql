-- A petition withdrawn before its case was assigned: when the assignment arrives, the case opens closed.
create table early_withdrawal
(
    case_id uuid primary key,
    at      timestamptz not null
);
