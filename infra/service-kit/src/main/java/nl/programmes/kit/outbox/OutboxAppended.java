package nl.programmes.kit.outbox;

/** Published inside the writing transaction; the relay hears it after commit and wakes up at once. */
record OutboxAppended(String eventId) {
}
