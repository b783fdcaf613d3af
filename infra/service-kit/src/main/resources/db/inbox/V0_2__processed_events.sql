-- Events a consumer has applied, keyed by CloudEvents id. Inserted in the same transaction as the
-- read-model change, so a redelivered event is recognised and changes nothing.
CREATE TABLE processed_event (
    event_id     CHAR(36)     NOT NULL,
    ce_type      VARCHAR(200) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB;
