-- 检举控告: the accused official as found among the directory's leaders (never the owning leader)
alter table routing_decision add column accused_leader_id text;
