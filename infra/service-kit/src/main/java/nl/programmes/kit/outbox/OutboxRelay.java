package nl.programmes.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import nl.programmes.events.KafkaCloudEvents;
import nl.programmes.kit.kafka.KafkaClients;
import nl.programmes.kit.kafka.PlatformTopics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in {@code seq} order with an idempotent producer, then marks them
 * sent. One thread per service instance: it wakes right after a commit that appended rows, and
 * polls as a fallback (rows written by a crashed instance, missed wake-ups).
 *
 * <p>When the broker is away, the producer holds the records it was given and retries them itself,
 * in order; a producer that cannot reach the broker at all fails fast, and the relay then backs off
 * exponentially and tries the same rows again. Only rows Kafka acknowledged are marked sent, so a row
 * is never skipped. A crash between Kafka's acknowledgement and the mark can publish a row twice:
 * consumers deduplicate on {@code ce_id}.
 */
@Context
@Requires(property = "platform.outbox.relay.enabled", value = "true", defaultValue = "true")
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OutboxStore store;
    private final KafkaClients clients;
    private final PlatformTopics topics;
    private final Clock clock;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration retention;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final Counter publishedCounter;
    private final Counter failureCounter;
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;
    private long lastCleanup;

    public OutboxRelay(OutboxStore store, KafkaClients clients, PlatformTopics topics, Clock clock,
                       MeterRegistry meters,
                       @Value("${platform.outbox.relay.poll-interval:1s}") Duration pollInterval,
                       @Value("${platform.outbox.relay.batch-size:500}") int batchSize,
                       @Value("${platform.outbox.retention:7d}") Duration retention) {
        this.store = store;
        this.clients = clients;
        this.topics = topics;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.retention = retention;
        this.publishedCounter = meters.counter("outbox.published");
        this.failureCounter = meters.counter("outbox.publish.failures");
        Gauge.builder("outbox.unsent", this, relay -> relay.safeCountUnsent()).register(meters);
    }

    @PostConstruct
    void start() {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(10_000);
        }
        closeProducer();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended appended) {
        wakeUp.release();
    }

    /** Events published since start; for tests and the status page. */
    public long published() {
        return published.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int sent = drainOnce();
                backoff = Duration.ofMillis(200);
                cleanupNowAndThen();
                if (sent < batchSize) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failureCounter.increment();
                LOG.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                abandonProducer();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Sends one batch and waits for every acknowledgement before marking anything; returns how many
     * rows were published and marked sent. Waiting for all of them matters: a record still in flight
     * when we give up could otherwise reach the broker later and be sent a second time on retry.
     */
    int drainOnce() {
        long started = System.nanoTime();
        List<OutboxRow> rows = store.unsent(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        long read = System.nanoTime();
        Producer<String, byte[]> kafka = producer();
        // Fetch metadata first: without it send() would fail this row after max.block.ms while the
        // next rows, sent once the broker is back, overtake it.
        rows.stream().map(row -> topics.physical(row.topic())).distinct().forEach(kafka::partitionsFor);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (OutboxRow row : rows) {
            try {
                Future<RecordMetadata> ack = kafka.send(KafkaCloudEvents.toRecord(topics.physical(row.topic()), row.event()));
                acks.add(ack);
                if (ack.isDone() && failed(ack)) {
                    // Refused at once: send nothing after it, so nothing overtakes it.
                    break;
                }
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                acknowledged.add(rows.get(i).seq());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("Kafka did not take outbox row " + rows.get(i).seq(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing the outbox", e);
            }
        }
        long acked = System.nanoTime();
        // A failed acknowledgement means a batch outlived the producer's delivery timeout (ten
        // minutes); rows acknowledged after it are kept as sent, and the failed ones follow later.
        store.markSent(acknowledged, clock.instant());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Published {} of {} rows in {} ms (read {}, send and acknowledge {}, mark {} ms)", acknowledged.size(), rows.size(),
                    (System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000, (acked - read) / 1_000_000,
                    (System.nanoTime() - acked) / 1_000_000);
        }
        published.addAndGet(acknowledged.size());
        publishedCounter.increment(acknowledged.size());
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void cleanupNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastCleanup > Duration.ofMinutes(10).toMillis()) {
            lastCleanup = now;
            int deleted = store.deleteSentBefore(clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.info("Removed {} sent outbox rows older than {}", deleted, retention);
            }
        }
    }

    private long safeCountUnsent() {
        try {
            return store.countUnsent();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.reliableProducer("outbox-relay");
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Closing producer: {}", e.toString());
            }
            producer = null;
        }
    }

    /** Drops the producer without flushing: every record it held has already failed. */
    private void abandonProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing producer: {}", e.toString());
            }
            producer = null;
        }
    }

    private void sleep(Duration duration) {
        try {
            wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
