-- The timeline's organisation filter (institution=) takes the lines about the announcements an organisation was asked to
-- consult on (OverviewReads.consultedOn): a partner school's story is the requests it received and what followed, not
-- only the positions it recorded. This index finds them without reading every consultation.
ALTER TABLE overview_consultation
    ADD KEY overview_consultation_consulted (consulted_org, announcement_id);
