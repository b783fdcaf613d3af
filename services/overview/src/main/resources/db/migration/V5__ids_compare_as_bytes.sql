-- Ids compare as bytes (utf8mb4_bin). They are the services' UUIDs and CloudEvents ids: case and accents never make
-- two of them the same id, and a binary comparison costs a fraction of the schema's default collation, whose key
-- comparisons were 7% of MariaDB's CPU in a rebuild (perf, docs/benchmarks/README.md). The character set stays
-- utf8mb4, as an event from another producer may carry any character in its id. Every id column changes at once:
-- a comparison between two columns of different collations would be refused.
ALTER TABLE announcement_overview
    MODIFY announcement_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE overview_consultation
    MODIFY consultation_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY announcement_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE overview_position
    MODIFY consultation_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY announcement_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE overview_decision
    MODIFY decision_id     CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY announcement_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY corrects_id     CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

ALTER TABLE overview_offering
    MODIFY offering_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE overview_intake
    MODIFY offering_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE timeline_entry
    MODIFY event_id        CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY announcement_id CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
