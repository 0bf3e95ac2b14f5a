alter table routing_decision add column repeat_of_case_id uuid;
