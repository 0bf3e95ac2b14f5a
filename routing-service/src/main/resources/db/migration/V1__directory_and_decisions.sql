-- Jurisdiction directory: departments per locality and their remit.
create table department (
    code          text primary key,
    name          text not null,
    locality_code text not null,
    email         text not null
);
create index department_locality on department (locality_code);

create table department_remit (
    department_code  text not null references department (code),
    subject_category text not null,
    primary key (department_code, subject_category)
);
create index department_remit_category on department_remit (subject_category);

-- One decision per case.
create table routing_decision (
    case_id                 uuid primary key,
    tracking_code           text        not null,
    outcome                 text        not null,
    department_code         text references department (code),
    petition_locality_code  text        not null,
    competent_locality_code text,
    subject_category        text        not null,
    reason                  text        not null,
    received_at             timestamptz not null,
    decided_at              timestamptz not null
);
create index routing_decision_queue on routing_decision (decided_at) where outcome = 'DISPATCHER_QUEUE';
