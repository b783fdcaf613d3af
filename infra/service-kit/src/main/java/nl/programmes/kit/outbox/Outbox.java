package nl.programmes.kit.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.kit.ids.TimeOrderedIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records an event for publication, in the caller's transaction. The event reaches Kafka only if the
 * transaction commits, and then it always does: the relay keeps trying until the broker takes it.
 */
@Singleton
public class Outbox {

    private final OutboxStore store;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<OutboxAppended> appended;
    private final String source;
    private final Clock clock;

    public Outbox(OutboxStore store, ObjectMapper json, ApplicationEventPublisher<OutboxAppended> appended,
                  @Value("${platform.service-name}") String serviceName, Clock clock) {
        this.store = store;
        this.json = json;
        this.appended = appended;
        this.source = "/services/" + serviceName;
        this.clock = clock;
    }

    /** Appends the event; must run inside the transaction that changes the state it describes. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public CloudEvent append(DomainEvent event) {
        EventType<?> type = EventTypes.of(event.getClass());
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise " + type.ceType(), e);
        }
        // Micros are what DATETIME(6) keeps; truncating here makes the published ce_time match the row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CloudEvent cloudEvent = new CloudEvent(TimeOrderedIds.at(now).toString(), type.ceType(), source,
                event.subject(), now, body);
        store.insert(type.topic(), cloudEvent);
        appended.publishEvent(new OutboxAppended(cloudEvent.id()));
        return cloudEvent;
    }
}
