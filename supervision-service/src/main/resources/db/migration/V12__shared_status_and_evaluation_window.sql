-- The case status speaks the contracts' vocabulary (org.openpetition.contracts.CaseStatus), as every service does:
-- a case awaiting acceptance is ASSIGNED, a case in handling ACCEPTED; the other names stay. No index, SQL
-- statement or default of this schema names the old values.
update supervised_case set status = 'ASSIGNED' where status = 'AWAITING_ACCEPTANCE';
update supervised_case set status = 'ACCEPTED' where status = 'IN_HANDLING';

-- The last day of the petitioner's window to evaluate the reply and request review, set when the case is
-- replied from the limits of the case's jurisdiction (Limits.lastDayToRequestReview). The participation
-- indicator (参评率) counts a missing evaluation on the day after it. Cases replied before this column existed
-- get the default window (petition.deadlines.review-request-days) from the reply's day in Beijing time
-- (UTC+8 all year round).
alter table supervised_case add column evaluation_window_last_day date;
update supervised_case
set evaluation_window_last_day = (replied_at at time zone 'UTC' + interval '8 hours')::date + ${reviewRequestDays}
where replied_at is not null;
create index supervised_case_evaluation_window on supervised_case (evaluation_window_last_day)
    where evaluation_window_last_day is not null;
