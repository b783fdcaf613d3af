-- The organisation directory, users and the keys tokens are signed with.
CREATE TABLE organisation (
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(30)  NOT NULL,
    brin       VARCHAR(4)   NULL,
    kvk        VARCHAR(8)   NULL,
    locations  TEXT         NOT NULL,
    region     VARCHAR(100) NULL,
    version    INT          NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

-- A user acts for exactly one organisation. password_hash is bcrypt.
CREATE TABLE app_user (
    id              VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    organisation_id VARCHAR(64)  NOT NULL,
    roles           VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY app_user_organisation (organisation_id),
    CONSTRAINT app_user_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

-- Signing keys, newest signs. A retired key stays published until the tokens it signed have expired.
CREATE TABLE signing_key (
    kid        VARCHAR(64)  NOT NULL,
    jwk        TEXT         NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    retired_at DATETIME(6)  NULL,
    PRIMARY KEY (kid)
) ENGINE = InnoDB;
