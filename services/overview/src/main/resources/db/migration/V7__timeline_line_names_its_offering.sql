-- A line about an existing offering (registered, intake reported) names the offering, so the timeline's institution
-- filter finds the lines about an institution's offerings that someone else recorded: an operator imports the intake
-- table for every institution.
ALTER TABLE timeline_entry
    ADD COLUMN offering_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER announcement_id,
    ADD KEY timeline_offering (offering_id, occurred_on, recorded_at, event_id);

-- Intake lines written before V7 carry the offering's id in their sentence's placeholder ({offering:<id>}). A
-- registration's sentence names the programme, not the id: those lines get it when the overview is next rebuilt
-- (docs/runbook.md), and until then the institution filter finds them only where the institution registered them.
UPDATE timeline_entry SET offering_id = NULLIF(REGEXP_SUBSTR(sentence_nl, '(?<=\\{offering:)[^}]+'), '')
WHERE kind = 'nl.programmes.offering.intake-reported.v1';
