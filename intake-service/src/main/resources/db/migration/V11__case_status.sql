-- petition.status takes the one case-status vocabulary of the platform (contracts' CaseStatus): where the
-- case stands, not what last happened.
update petition set status = case status
        when 'EXTENDED' then 'ACCEPTED'
        when 'EVALUATED' then 'REPLIED'
        when 'REVIEW_REQUESTED' then 'UNDER_REVIEW'
        when 'RE_REVIEW_REQUESTED' then 'UNDER_RE_REVIEW'
        when 'RE_REVIEWED' then 'FINAL'
    end
where status in ('EXTENDED', 'EVALUATED', 'REVIEW_REQUESTED', 'RE_REVIEW_REQUESTED', 'RE_REVIEWED');

-- The timeline (what happened) keeps its steps. A note may come with a whole English text, and an
-- evaluation is stored as its code: its labels come from the message bundle.
alter table petition_status add column note_en text, add column evaluation text;

update petition_status set evaluation = case note
        when '满意 / Satisfied' then 'SATISFIED'
        when '基本满意 / Basically satisfied' then 'BASICALLY_SATISFIED'
        when '不满意 / Dissatisfied' then 'DISSATISFIED'
    end, note = null
where status = 'EVALUATED' and note in ('满意 / Satisfied', '基本满意 / Basically satisfied', '不满意 / Dissatisfied');
