-- Supervision orders (督办单) issued by a supervisor on a case: the reason, the demand, the day by which the
-- department answers; its answer; the escalation of an order left unanswered past that day. Each order is
-- also a deadline_alert (SUPERVISION_ORDER, due_kind ORDER), so it counts in the circular like the
-- automatic ones, and its escalation another (ESCALATED_TO_SUPERVISING_BODY).
create table supervision_order
(
    id              uuid primary key,
    case_id         uuid        not null references supervised_case (case_id),
    department_code text        not null,
    issued_by       text        not null,
    issued_at       timestamptz not null,
    reason          text        not null,
    demand          text        not null,
    answer_due      date        not null,
    answer          text,
    answered_by     text,
    answered_at     timestamptz,
    escalated_at    timestamptz
);
create index supervision_order_case on supervision_order (case_id, issued_at);
-- the sweep reads only the orders still waiting for an answer
create index supervision_order_waiting on supervision_order (answer_due) where answer is null and escalated_at is null;
