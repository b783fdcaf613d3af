-- The sign-in before the last one: the start page marks what was recorded since, so a user sees what is new to them.
ALTER TABLE app_user ADD COLUMN previous_signed_in_at DATETIME(6) NULL;
