-- An offering that left the register: ended (its last intake year; the regional pages keep it, marked) or registered
-- in error (the regional pages stop showing it). A table of its own, as the intake has, so the projection converges
-- whichever of registration and discontinuation it applies first (a parked registration replayed later).
CREATE TABLE overview_offering_discontinued (
    offering_id      CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    reason           VARCHAR(30) NOT NULL,
    last_intake_year INT         NULL,
    PRIMARY KEY (offering_id)
) ENGINE = InnoDB;
