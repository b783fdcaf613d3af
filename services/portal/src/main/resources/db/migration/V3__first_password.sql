-- True while the account's password is one an administrator gave (a new account's, or a new one for a forgotten
-- password) and the user has not replaced it: the portal then asks the user, at each sign-in, to choose their own.
ALTER TABLE app_user ADD COLUMN first_password BOOLEAN NOT NULL DEFAULT FALSE;
