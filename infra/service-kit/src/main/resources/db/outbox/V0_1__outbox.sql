-- Transactional outbox: written in the same transaction as the state it describes, published by
-- OutboxRelay in seq order and then marked sent. seq only orders rows; event_id is the CloudEvents id.
CREATE TABLE outbox (
    seq        BIGINT       NOT NULL AUTO_INCREMENT,
    event_id   CHAR(36)     NOT NULL,
    topic      VARCHAR(200) NOT NULL,
    event_key  VARCHAR(200) NOT NULL,
    ce_type    VARCHAR(200) NOT NULL,
    ce_source  VARCHAR(200) NOT NULL,
    ce_time    DATETIME(6)  NOT NULL,
    payload    LONGBLOB     NOT NULL,
    sent_at    DATETIME(6)  NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY outbox_event_id (event_id),
    KEY outbox_unsent (sent_at, seq)
) ENGINE = InnoDB;
