-- Daily roll-up of the indicators' raw figures per county (6-digit division code) and department, so that
-- a province or city reads a few rows per county and day instead of every case. Days before
-- indicator_rollup.rolled_until are rolled up; later days (today) are read from the cases.
create table indicator_day
(
    day             date   not null,
    county          text   not null,
    department_code text   not null, -- '' for petitions whose case is not assigned
    department_name text,
    measure         text   not null,
    a               bigint not null,
    b               bigint not null,
    c               bigint not null,
    d               bigint not null,
    primary key (day, county, department_code, measure)
);

create table indicator_rollup
(
    id           integer primary key check (id = 1),
    rolled_until date not null
);
