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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>Marking is off the publishing path: acknowledged rows are marked sent by a thread of their own,
 * in bulk, while the relay already reads and sends the next rows. Until its mark has committed, a row
 * the relay published is remembered here and left out of the next reads, so it is not sent twice.
 * Waiting for the mark cost every event about a third of the relay's cycle (6 of 24 ms at p50 at 200
 * commands a second).
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
    /** Rows Kafka acknowledged whose mark has not committed yet (or has, but a read since has not seen it): never read again. */
    private final Set<Long> awaitingMark = ConcurrentHashMap.newKeySet();
    /** Acknowledged rows for the marker to mark, with when Kafka acknowledged them (their {@code sent_at}). */
    private final Queue<Acknowledged> toMark = new ConcurrentLinkedQueue<>();
    /** Rows whose mark committed; the relay forgets them just before its next read, which no longer returns them. */
    private final Queue<Long> marked = new ConcurrentLinkedQueue<>();
    private final ExecutorService marker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-marker");
        thread.setDaemon(true);
        return thread;
    });
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
        marker.shutdown();
        marker.awaitTermination(10, TimeUnit.SECONDS);
        markNow(); // whatever the marker had not taken yet: fewer rows published again after the restart
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(OutboxAppended appended) {
        wakeUp.release();
    }

    /** Rows Kafka acknowledged at one moment. */
    record Acknowledged(List<Long> seqs, Instant at) {
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
                if (!toMark.isEmpty() && sent == 0) {
                    markSoon(); // a mark that failed earlier, tried again while nothing new comes in
                }
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
        // Marks that committed before this read: the read cannot return those rows any more.
        for (Long seq = marked.poll(); seq != null; seq = marked.poll()) {
            awaitingMark.remove(seq);
        }
        List<OutboxRow> rows = store.unsent(batchSize + awaitingMark.size());
        rows.removeIf(row -> awaitingMark.contains(row.seq()));
        if (rows.size() > batchSize) {
            rows = rows.subList(0, batchSize);
        }
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
        // Nothing more joins this batch before its acknowledgements: send it now rather than after linger.ms.
        kafka.flush();
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
        // A failed acknowledgement means a batch outlived the producer's delivery timeout (ten
        // minutes); rows acknowledged after it are kept as sent, and the failed ones follow later.
        if (!acknowledged.isEmpty()) {
            awaitingMark.addAll(acknowledged);
            toMark.add(new Acknowledged(acknowledged, clock.instant()));
            markSoon();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Published {} of {} rows in {} ms (read {}, send and acknowledge {} ms; {} awaiting their mark)", acknowledged.size(),
                    rows.size(), (System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000, awaitingMark.size());
        }
        published.addAndGet(acknowledged.size());
        publishedCounter.increment(acknowledged.size());
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    private void markSoon() {
        try {
            marker.execute(this::markNow);
        } catch (RejectedExecutionException e) {
            // Shutting down: stop() marks what is left.
        }
    }

    /**
     * Marks every acknowledged row taken so far, in one statement. A failed mark leaves the rows remembered
     * (so this relay does not send them again) and puts them back for the next try; if the service stops
     * before that, they are published once more after the restart, and consumers drop the copies.
     */
    private synchronized void markNow() {
        List<Acknowledged> batches = new ArrayList<>();
        for (Acknowledged batch = toMark.poll(); batch != null; batch = toMark.poll()) {
            batches.add(batch);
        }
        if (batches.isEmpty()) {
            return;
        }
        try {
            store.markSent(batches);
            batches.forEach(batch -> marked.addAll(batch.seqs()));
        } catch (RuntimeException e) {
            toMark.addAll(batches);
            LOG.warn("Could not mark {} batches of published outbox rows sent; trying again later: {}", batches.size(), e.toString());
        }
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
