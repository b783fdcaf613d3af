-- The register of existing offerings (one programme, form and location of one institution) and
-- their first-year intake per study year. A suppressed small number ("<5") is kept as suppressed,
-- with no count.
CREATE TABLE offering (
    id             CHAR(36)     NOT NULL,
    institution_id VARCHAR(64)  NOT NULL,
    programme_name VARCHAR(200) NOT NULL,
    isat_code      VARCHAR(5)   NULL,
    crebo          VARCHAR(5)   NULL,
    level          VARCHAR(20)  NOT NULL,
    form           VARCHAR(10)  NOT NULL,
    location       VARCHAR(100) NULL,
    natural_key    VARCHAR(400) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY offering_natural_key (natural_key),
    KEY offering_institution (institution_id)
) ENGINE = InnoDB;

CREATE TABLE offering_intake (
    offering_id  CHAR(36)    NOT NULL,
    study_year   INT         NOT NULL,
    intake_count INT         NULL,
    suppressed   BOOLEAN     NOT NULL,
    reported_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (offering_id, study_year)
) ENGINE = InnoDB;
