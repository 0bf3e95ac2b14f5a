-- The English text of a decision's reasons beside the Chinese one (reason); null for decisions made before.
alter table routing_decision add column reason_en text;
