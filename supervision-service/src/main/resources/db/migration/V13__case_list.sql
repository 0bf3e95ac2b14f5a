-- The staff workbench's list of cases (GET /api/cases): what a list item shows and what the shared case
-- scope decides on (docs/security.md). The subject category comes with case.assigned.v1; the kind and the
-- accused unit's code (as the petitioner gave it; supervision holds no directory) with petition.submitted.v1,
-- whichever of the two arrives first: the case copies them from petition_record when it opens, and a
-- petition recorded after its case was opened writes them onto the case.
alter table supervised_case
    add column subject_category  text,
    add column kind              text,
    add column accused_unit_code text;
alter table petition_record add column accused_unit_code text;
update supervised_case s set kind = p.kind from petition_record p where p.petition_id = s.case_id;

-- lists filter by area (LIKE 'prefix%') and sort by the day of receipt
create index supervised_case_locality on supervised_case (locality_code text_pattern_ops);
create index supervised_case_received on supervised_case (received_at);
