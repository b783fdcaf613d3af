-- Steering-committee decisions (never edited: a correction is a new decision) and meetings.
CREATE TABLE steering_decision (
    id             CHAR(36)     NOT NULL,
    committee_id   VARCHAR(64)  NOT NULL,
    announcement_id CHAR(36)    NOT NULL,
    meeting_date   DATE         NOT NULL,
    decision       VARCHAR(40)  NOT NULL,
    locations      TEXT         NOT NULL,
    rationale      TEXT         NULL,
    rules_on       TEXT         NOT NULL,
    corrects_id    CHAR(36)     NULL,
    corrected_by_id CHAR(36)    NULL,
    meeting_id     CHAR(36)     NULL,
    recorded_by    VARCHAR(100) NOT NULL,
    recorded_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY steering_decision_announcement (announcement_id),
    KEY steering_decision_committee (committee_id)
) ENGINE = InnoDB;

CREATE TABLE steering_meeting (
    id           CHAR(36)    NOT NULL,
    committee_id VARCHAR(64) NOT NULL,
    meeting_date DATE        NOT NULL,
    agenda       TEXT        NOT NULL,
    minutes      LONGTEXT    NULL,
    decision_ids TEXT        NOT NULL,
    recorded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY steering_meeting_committee (committee_id)
) ENGINE = InnoDB;

-- Replicas kept from other services' events.
CREATE TABLE announcement_replica (
    id                  CHAR(36)     NOT NULL,
    institution_id      VARCHAR(64)  NOT NULL,
    reference           VARCHAR(40)  NOT NULL,
    programme_name      VARCHAR(200) NOT NULL,
    candidate_locations TEXT         NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    version             INT          NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

-- Current position per consultation, location and form ('' for all forms), from consultation events.
CREATE TABLE position_replica (
    consultation_id CHAR(36)     NOT NULL,
    location        VARCHAR(100) NOT NULL,
    form            VARCHAR(10)  NOT NULL,
    announcement_id CHAR(36)     NOT NULL,
    consulted_org   VARCHAR(64)  NOT NULL,
    position        VARCHAR(30)  NOT NULL,
    provisional     BOOLEAN      NOT NULL,
    revision        INT          NOT NULL,
    PRIMARY KEY (consultation_id, location, form),
    KEY position_replica_announcement (announcement_id)
) ENGINE = InnoDB;

