-- A revision names who recorded it as people know them (the actor's display name), beside the user id. Revisions
-- recorded before this migration have no name; the pages show their user id.
ALTER TABLE position_revision
    ADD COLUMN recorded_by_name VARCHAR(200) NULL;
