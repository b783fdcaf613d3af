-- The kit's IdempotencyKeyPurge deletes kept commands by age (platform.idempotency.keep); without this index each
-- purge would read, and lock, the whole table while new keys are claimed.
CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
