-- The deadline sweep at scale (issue 5: 1,000 alerts among 1,000,000 open cases in one batch).
-- 1. deadline_alert.case_id loses its foreign key: the sweep inserts alerts only for the cases it holds
--    locked (FOR UPDATE) in the same transaction, and no case is ever deleted, so the key checked nothing;
--    it cost a lookup and a KEY SHARE lock on the locked case for every alert (about a fifth of the insert).
alter table deadline_alert drop constraint deadline_alert_case_id_fkey;
-- 2. The ladder write-back is not a HOT update (next_alert_on is indexed), so every index of the case gets
--    an entry per alert: the index of the acceptance decision holds only decided cases (the indicators read
--    ranges of it, which imply not null), so an undecided case's update no longer writes to it.
drop index supervised_case_acceptance_decided;
create index supervised_case_acceptance_decided on supervised_case (acceptance_decided_at)
    where acceptance_decided_at is not null;
-- 3. Indexes no query reads, each written by every alert or ladder write-back: cases by department (the
--    circular of overdue units scans the cases anyway) and alerts by department and time.
drop index supervised_case_department;
drop index deadline_alert_department;
