-- A line names who acted as people know them (the event's actor.displayName), not only by the user id the identity
-- provider gives (saxion-staff, or an opaque subject from SURFconext). Lines projected before this migration have
-- none until a rebuild; the pages show the user id for them.
ALTER TABLE timeline_entry
    ADD COLUMN actor_name VARCHAR(200) NULL;
