package nl.programmes.kit.inbox;

import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;

/** A decoded record: its envelope, its registered type and its body. */
public record InboundEvent(String topic, CloudEvent envelope, EventType<?> type, DomainEvent body) {
}
