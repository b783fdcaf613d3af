-- Raised whenever what an account may do or prove changes (roles, password, disabled or enabled again). A token
-- carries the stamp it was handed out with, and the portal admits only the current one, so such a change ends the
-- sessions handed out before it at once instead of when their tokens expire.
ALTER TABLE app_user ADD COLUMN access_stamp INT NOT NULL DEFAULT 0;
