package nl.programmes.kit.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.events.KafkaCloudEvents;
import nl.programmes.kit.kafka.PlatformTopics;
import nl.programmes.kit.persistence.DatabaseAwayException;
import nl.programmes.kit.persistence.WriteBehind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The consuming side of the envelope: decode a record, apply it exactly once, park what cannot be
 * processed. The dedupe mark and the read-model change share one transaction, so a redelivered event
 * changes nothing and a crash between the two leaves neither. While the database cannot be reached nothing is
 * parked: a {@link DatabaseAwayException} goes back to the listener, whose error strategy reads the records again.
 */
@Singleton
public class InboundEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);
    /**
     * A listener's error strategy: what fails here is parked, so what reaches the listener is the database or the broker
     * away (parking needs the broker), and its records are read again after this pause...
     */
    public static final String READ_AGAIN_AFTER = "2s";
    /**
     * ... as often as it takes. Micronaut's Kafka consumer goes on past a record whose retries ran out, which would lose
     * it; it pauses the partitions between tries and keeps polling, so the consumer stays in its group meanwhile.
     */
    public static final int READ_AGAIN_UNTIL_APPLIED = Integer.MAX_VALUE;

    private static final int ATTEMPTS = 3;
    /** While the database is away, a listener's poll fails every few seconds: one warning in this many ms, the rest at DEBUG. */
    private static final long AWAY_WARNED_EVERY_MS = 30_000;

    private final java.util.concurrent.atomic.AtomicLong awayWarnedAt = new java.util.concurrent.atomic.AtomicLong();

    private final ObjectMapper json;
    private final PlatformTopics topics;
    private final AppliedMarks marks;
    private final DeadLetters deadLetters;
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    public InboundEvents(ObjectMapper json, PlatformTopics topics, AppliedMarks marks, DeadLetters deadLetters,
                         TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.json = json;
        this.topics = topics;
        this.marks = marks;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public InboundEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent envelope;
        try {
            envelope = KafkaCloudEvents.fromRecord(record);
        } catch (KafkaCloudEvents.MalformedEventException e) {
            throw new UnprocessableEventException("Not a CloudEvent: " + e.getMessage(), e);
        }
        EventType<?> type = EventTypes.byCeType(envelope.type()).orElseThrow(() ->
                new UnprocessableEventException("Unknown event type " + envelope.type(), null));
        DomainEvent body;
        try {
            body = json.readValue(envelope.data(), type.bodyType());
        } catch (IOException | RuntimeException e) {
            throw new UnprocessableEventException("Body does not match " + type.ceType() + ": " + e.getMessage(), e);
        }
        if (body == null) {
            throw new UnprocessableEventException("Empty body for " + type.ceType(), null);
        }
        return new InboundEvent(topics.logical(record.topic()), envelope, type, body);
    }

    /**
     * Applies the record once. A failure is retried a few times; a record that still fails is parked with its error,
     * never dropped, unless the database could not be reached: then it is a {@link DatabaseAwayException} for the
     * listener to read the record again once it answers.
     *
     * @return true when the event changed the read model, false for a duplicate or a parked record
     */
    public boolean applyOnce(ConsumerRecord<String, byte[]> record, String consumer, Consumer<InboundEvent> apply) {
        InboundEvent event;
        try {
            event = decode(record);
        } catch (UnprocessableEventException e) {
            deadLetters.park(record, consumer, e);
            return false;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transactions.executeWrite(status -> {
                    if (marks.mark(List.of(event)) == 0) {
                        return false;
                    }
                    apply.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("Applying {} {} failed (attempt {} of {}): {}", event.type().ceType(), event.envelope().id(),
                        attempt, ATTEMPTS, e.toString());
                pause(attempt);
            }
        }
        if (DatabaseAwayException.isCause(last)) {
            throw away(1, last);
        }
        deadLetters.park(record, consumer, last);
        return false;
    }

    /**
     * Applies a polled batch in one transaction: one commit instead of one per event, which is what
     * lets a projection keep up with the broker. Records that cannot be decoded are parked after the others; if
     * the transaction fails, the batch is applied again one record at a time, so a single bad event
     * is retried and parked on its own while the others go through; if it failed because the database could not be
     * reached, nothing is parked and the batch is a {@link DatabaseAwayException} for the listener to read again.
     *
     * @return how many events changed the read model
     */
    public int applyAllOnce(List<ConsumerRecord<String, byte[]>> records, String consumer, Consumer<InboundEvent> apply) {
        long started = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(records.size());
        List<InboundEvent> events = new ArrayList<>(records.size());
        Map<ConsumerRecord<String, byte[]>, UnprocessableEventException> unreadable = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(decode(record));
                readable.add(record);
            } catch (UnprocessableEventException e) {
                unreadable.put(record, e);
            }
        }
        int applied = events.isEmpty() ? 0 : applyAll(events, readable, consumer, apply, started);
        // After the others, so a batch read again while the database is away does not park its unreadable records twice.
        unreadable.forEach((record, e) -> deadLetters.park(record, consumer, e));
        return applied;
    }

    private int applyAll(List<InboundEvent> events, List<ConsumerRecord<String, byte[]>> readable, String consumer,
                         Consumer<InboundEvent> apply, long started) {
        try {
            // One transaction per poll. The marks go first, as one statement: when none was there before (the usual
            // case) every event is new and no query is needed. Writes go out as multi-row batches just before it
            // commits (WriteBehind), so the apply function must not act on update counts.
            long[] times = new long[4]; // decoded, applied, written, committed: the debug line's breakdown
            times[0] = System.nanoTime();
            List<InboundEvent> distinct = distinct(events);
            int result = transactions.executeWrite(status -> {
                if (marks.mark(distinct) < distinct.size()) {
                    status.setRollbackOnly(); // takes the marks back; the others are sorted out below
                    return -1;
                }
                return applyMarked(distinct, apply, times);
            });
            if (result < 0) {
                // Some were applied before (a redelivery after a restart, say): apply only the others.
                result = transactions.executeWrite(status -> {
                    Set<String> before = marks.markedBefore(distinct.stream().map(e -> e.envelope().id()).toList());
                    List<InboundEvent> fresh = distinct.stream().filter(e -> !before.contains(e.envelope().id())).toList();
                    if (marks.mark(fresh) < fresh.size()) {
                        throw new IllegalStateException("Events were marked as applied by another transaction meanwhile");
                    }
                    return applyMarked(fresh, apply, times);
                });
            }
            times[3] = System.nanoTime();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Applied {} of {} events in {} ms (decode {}, mark and apply {}, write {}, commit {} ms; {})",
                        result, events.size(), (times[3] - started) / 1_000_000, (times[0] - started) / 1_000_000,
                        (times[1] - times[0]) / 1_000_000, (times[2] - times[1]) / 1_000_000, (times[3] - times[2]) / 1_000_000,
                        events.stream().collect(Collectors.groupingBy(e -> e.type().ceType(), TreeMap::new, Collectors.counting())));
            }
            return result;
        } catch (RuntimeException e) {
            if (DatabaseAwayException.isCause(e)) {
                throw away(events.size(), e);
            }
            LOG.warn("A batch of {} failed ({}); applying its records one by one", events.size(), e.toString());
            int applied = 0;
            for (ConsumerRecord<String, byte[]> record : readable) {
                if (applyOnce(record, consumer, apply)) {
                    applied++;
                }
            }
            return applied;
        }
    }

    /** The database could not be reached: said once in a while, and handed to the listener to read the records again. */
    private DatabaseAwayException away(int events, Throwable cause) {
        String message = "The database is not reachable (" + cause + "); " + events
                + " event(s) not applied and not parked: the listener reads them again after a pause";
        long now = System.currentTimeMillis();
        long warned = awayWarnedAt.get();
        if (now - warned >= AWAY_WARNED_EVERY_MS && awayWarnedAt.compareAndSet(warned, now)) {
            LOG.warn("{} (said once in {} s while it lasts)", message, AWAY_WARNED_EVERY_MS / 1000);
        } else {
            LOG.debug(message);
        }
        return new DatabaseAwayException(message, cause);
    }

    /** Applies the events, whose marks are written, with their writes queued and sent at the end; times[1..2] time it. */
    private int applyMarked(List<InboundEvent> events, Consumer<InboundEvent> apply, long[] times) {
        int applied = WriteBehind.during(jdbc, () -> {
            events.forEach(apply);
            times[1] = System.nanoTime();
            return events.size();
        });
        times[2] = System.nanoTime();
        return applied;
    }

    /** A poll can hold the same event twice (published again after a relay's crash): the first copy counts. */
    private static List<InboundEvent> distinct(List<InboundEvent> events) {
        Map<String, InboundEvent> byId = new LinkedHashMap<>(events.size() * 4 / 3 + 1); // sized once, for a poll of 2,000
        events.forEach(e -> byId.putIfAbsent(e.envelope().id(), e));
        return byId.size() == events.size() ? events : List.copyOf(byId.values());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
