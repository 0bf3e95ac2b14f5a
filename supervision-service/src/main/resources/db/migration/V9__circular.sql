-- Circulars of overdue units (超期通报) issued as supervision.circular.v1: kept as issued. A scheduled
-- circular is issued once per area and period however many replicas run the schedule (the unique index);
-- a supervisor may issue further ones by hand.
create table circular
(
    circular_id     uuid primary key,
    locality_prefix text        not null,
    period_from     date        not null,
    period_to       date        not null,
    scheduled       boolean     not null,
    issued_by       text        not null,
    issued_at       timestamptz not null,
    body            jsonb       not null
);
create unique index circular_scheduled_once on circular (locality_prefix, period_from, period_to) where scheduled;
