package nl.programmes.overview.read;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Answers to read requests, kept until the read model next changes. The projection calls
 * {@link #changed()} after each committed poll; an answer computed while a poll committed is not kept
 * (generation check), so a cached answer is never older than the last commit. A short time limit
 * covers answers that depend on the date (overdue consultations). Hits and misses are counted in
 * {@code overview_read_cache_total{result=hit|miss}} on {@code /prometheus}.
 */
@Singleton
public class ReadCache {

    private record Entry(long generation, Instant computedAt, Object value) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Counter hits;
    private final Counter misses;

    public ReadCache(Clock clock, @Value("${platform.overview.read-cache.max-age:60s}") Duration maxAge,
                     @Value("${platform.overview.read-cache.max-entries:20000}") int maxEntries, MeterRegistry meters) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.hits = meters.counter("overview.read.cache", "result", "hit");
        this.misses = meters.counter("overview.read.cache", "result", "miss");
    }

    public <T> T get(String key, Supplier<T> read) {
        T cached = fresh(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        return compute(key, read);
    }

    /**
     * The same, for a caller on the HTTP event loop: a hit is answered on the spot, without handing the
     * request to another thread; a miss reads on {@code executor}, since reading queries the database.
     */
    public <T> CompletableFuture<T> getAsync(String key, Supplier<T> read, Executor executor) {
        T cached = fresh(key);
        if (cached != null) {
            hits.increment();
            return CompletableFuture.completedFuture(cached);
        }
        misses.increment();
        return CompletableFuture.supplyAsync(() -> compute(key, read), executor);
    }

    @SuppressWarnings("unchecked")
    private <T> T fresh(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == generation.get() && entry.computedAt().plus(maxAge).isAfter(clock.instant())) {
            return (T) entry.value();
        }
        return null;
    }

    private <T> T compute(String key, Supplier<T> read) {
        long current = generation.get();
        Instant now = clock.instant();
        T value = read.get();
        if (generation.get() == current) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // crude bound; a full cache is rebuilt from the next requests
            }
            entries.put(key, new Entry(current, now, value));
        }
        return value;
    }

    /** The read model changed (a poll committed, or a rebuild switched over): forget every answer. */
    public void changed() {
        generation.incrementAndGet();
        entries.clear();
    }
}
