package nl.programmes.kit.outbox;

import nl.programmes.events.CloudEvent;

/** One unsent row as the relay reads it. */
record OutboxRow(long seq, String topic, CloudEvent event) {
}
