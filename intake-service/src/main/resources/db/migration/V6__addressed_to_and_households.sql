-- The body a petition was addressed or brought to (越级 is judged on it) and the households it concerns (领导包案).
alter table petition
    add column addressed_to_locality text,
    add column households            integer;
