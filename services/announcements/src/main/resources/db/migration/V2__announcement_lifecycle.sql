-- The rest of the announcement lifecycle: labour-market evidence, the application filed with the
-- national review, its outcome and a withdrawal. Plus the history of every fact, per version.
ALTER TABLE announcement
    ADD COLUMN labour_market_evidence_json TEXT         NULL,
    ADD COLUMN submitted_on                DATE         NULL,
    ADD COLUMN advice                      VARCHAR(10)  NULL,
    ADD COLUMN advice_date                 DATE         NULL,
    ADD COLUMN decision                    VARCHAR(10)  NULL,
    ADD COLUMN decision_date               DATE         NULL,
    ADD COLUMN withdrawal_reason           TEXT         NULL,
    ADD KEY announcement_start (intended_start),
    ADD KEY announcement_level (level);

CREATE TABLE announcement_history (
    announcement_id CHAR(36)     NOT NULL,
    version         INT          NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    actor_user      VARCHAR(100) NOT NULL,
    actor_org       VARCHAR(64)  NOT NULL,
    event_json      LONGTEXT     NOT NULL,
    PRIMARY KEY (announcement_id, version)
) ENGINE = InnoDB;
