-- The announcement version the row reflects: an event applies only when it is newer, so replays and
-- redeliveries never move the row backwards.
ALTER TABLE announcement_overview ADD COLUMN version INT NOT NULL DEFAULT 1;
