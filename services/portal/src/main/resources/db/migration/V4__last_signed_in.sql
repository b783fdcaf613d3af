-- When the user last signed in with a password here (null: never), so an administrator can tell an account in use
-- from one left behind.
ALTER TABLE app_user ADD COLUMN last_signed_in_at DATETIME(6) NULL;
