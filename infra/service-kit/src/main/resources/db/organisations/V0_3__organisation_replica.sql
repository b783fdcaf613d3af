-- A service's replica of the organisation directory, kept by OrganisationReplica from the
-- `organisations` topic. Rows only move forward by version, so replays change nothing.
CREATE TABLE organisation_replica (
    id      VARCHAR(64)  NOT NULL,
    name    VARCHAR(200) NOT NULL,
    kind    VARCHAR(30)  NOT NULL,
    version INT          NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
