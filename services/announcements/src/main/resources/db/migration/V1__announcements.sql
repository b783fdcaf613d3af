-- Announcements of intended programmes. The programme and locations are stored as JSON documents;
-- the columns beside them are what lists filter on.
CREATE TABLE announcement (
    id                       CHAR(36)     NOT NULL,
    institution_id           VARCHAR(64)  NOT NULL,
    reference                VARCHAR(40)  NOT NULL,
    programme_name           VARCHAR(200) NOT NULL,
    level                    VARCHAR(20)  NOT NULL,
    programme_json           LONGTEXT     NOT NULL,
    candidate_locations_json TEXT         NOT NULL,
    intended_start           CHAR(7)      NOT NULL,
    capacity_limit           INT          NULL,
    summary                  TEXT         NULL,
    status                   VARCHAR(20)  NOT NULL,
    version                  INT          NOT NULL,
    created_at               DATETIME(6)  NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY announcement_reference (institution_id, reference),
    KEY announcement_status (status)
) ENGINE = InnoDB;
