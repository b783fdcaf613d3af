-- Consultations and the positions consulted organisations record per location (and form).
CREATE TABLE consultation (
    id                CHAR(36)     NOT NULL,
    announcement_id   CHAR(36)     NOT NULL,
    institution_id    VARCHAR(64)  NOT NULL,
    consulted_org     VARCHAR(64)  NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    locations         TEXT         NOT NULL,
    forms             VARCHAR(100) NOT NULL,
    dropped_locations TEXT         NOT NULL,
    due_date          DATE         NULL,
    note              TEXT         NULL,
    status            VARCHAR(10)  NOT NULL,
    revision          INT          NOT NULL,
    positions         LONGTEXT     NOT NULL,
    meeting_date      DATE         NULL,
    summary           TEXT         NULL,
    agreements        TEXT         NULL,
    version           INT          NOT NULL,
    requested_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY consultation_announcement (announcement_id),
    KEY consultation_consulted (consulted_org, status)
) ENGINE = InnoDB;

-- Every recorded revision, whole: history is never overwritten.
CREATE TABLE position_revision (
    consultation_id CHAR(36)     NOT NULL,
    revision        INT          NOT NULL,
    meeting_date    DATE         NOT NULL,
    summary         TEXT         NULL,
    agreements      TEXT         NULL,
    positions       LONGTEXT     NOT NULL,
    recorded_by     VARCHAR(100) NOT NULL,
    recorded_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (consultation_id, revision)
) ENGINE = InnoDB;

-- Local replicas of other services' facts, kept from their events.
CREATE TABLE announcement_replica (
    id                  CHAR(36)     NOT NULL,
    institution_id      VARCHAR(64)  NOT NULL,
    reference           VARCHAR(40)  NOT NULL,
    programme_name      VARCHAR(200) NOT NULL,
    candidate_locations TEXT         NOT NULL,
    forms               VARCHAR(100) NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    version             INT          NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;


-- Announcement events that arrived before the announcement itself: kept, and applied once it arrives.
CREATE TABLE pending_announcement_event (
    event_id        CHAR(36)    NOT NULL,
    announcement_id CHAR(36)    NOT NULL,
    ce_type         VARCHAR(200) NOT NULL,
    payload         LONGTEXT    NOT NULL,
    received_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY pending_announcement (announcement_id, received_at)
) ENGINE = InnoDB;
