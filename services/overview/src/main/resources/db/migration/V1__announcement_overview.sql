-- One row per announcement as the overview shows it. Keyed by the announcement's own id (no
-- auto-increment), written with idempotent upserts.
CREATE TABLE announcement_overview (
    announcement_id     CHAR(36)     NOT NULL,
    reference           VARCHAR(40)  NOT NULL,
    institution_id      VARCHAR(64)  NOT NULL,
    programme_name      VARCHAR(200) NOT NULL,
    level               VARCHAR(20)  NOT NULL,
    isat_code           VARCHAR(5)   NULL,
    crebo               VARCHAR(5)   NULL,
    forms               VARCHAR(100) NOT NULL,
    candidate_locations TEXT         NOT NULL,
    intended_start      CHAR(7)      NOT NULL,
    status              VARCHAR(30)  NOT NULL,
    announced_at        DATETIME(6)  NOT NULL,
    announced_by        VARCHAR(100) NOT NULL,
    PRIMARY KEY (announcement_id),
    KEY announcement_overview_institution (institution_id)
) ENGINE = InnoDB;
