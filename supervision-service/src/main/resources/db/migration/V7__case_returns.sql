-- 退回 (case.returned.v1) that arrived before the returning department's case.assigned.v1 (another
-- topic, so no order between them): remembered so that this assignment opens the case returned, without
-- a clock.
create table early_return
(
    case_id         uuid        not null,
    department_code text        not null,
    department_name text,
    reason          text,
    returned_at     timestamptz not null,
    primary key (case_id, department_code, returned_at)
);
