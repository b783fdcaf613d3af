-- An offering leaves the register as ended (its last intake year kept) or as registered in error. One registered in
-- error gives up its natural key (the id is appended, so the key stays unique), so the right offering can be
-- registered under it again; the key grows by that suffix.
ALTER TABLE offering
    ADD COLUMN discontinued_reason VARCHAR(30) NULL,
    ADD COLUMN last_intake_year    INT         NULL,
    ADD COLUMN discontinued_at     DATETIME(6) NULL,
    MODIFY natural_key VARCHAR(460) NOT NULL;
