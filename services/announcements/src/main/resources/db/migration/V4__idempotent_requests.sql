-- Commands sent with an Idempotency-Key header and the answer each got, so a repeat is answered as the first was
-- and changes nothing (kit: nl.programmes.kit.command.IdempotentCommands). Claimed, carried out and answered in
-- one transaction; a failed command leaves no row.
CREATE TABLE idempotent_request (
    caller      VARCHAR(200) NOT NULL,
    request_key VARCHAR(200) NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    status      SMALLINT     NULL,
    location    VARCHAR(500) NULL,
    etag        VARCHAR(100) NULL,
    body        MEDIUMBLOB   NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller, request_key)
) ENGINE = InnoDB;
