package nl.programmes.overview.read;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * Answers to read requests, kept until the read model changes under them. The projection calls
 * {@link #changed} after each committed poll with the announcements the poll was about. An answer about
 * one announcement (its objection matrix, its timeline) stays until an event about that announcement (or
 * an organisation's name) changes it; every other answer (the whole timeline, a filtered one) until the
 * next commit. So a cached answer is never older than the last commit that could change it: each answer
 * carries the version of what it depends on, taken before it was read, and is served only while that
 * version is still current. Misses for the same answer wait for one read, so a burst of readers after a
 * commit costs one or two reads, not one each, however often commits come. An answer about one
 * announcement is also read again when the date changes (overdue consultations); every other answer at
 * least once a max-age. Hits and misses are counted in
 * {@code overview_read_cache_total{result=hit|miss}} on {@code /prometheus}, together with the regional
 * pages' (see {@link RegionalPages}, which keeps its own).
 */
@Singleton
public class ReadCache {

    // Announcements share version counters by hash: a collision only drops an answer sooner, never keeps one.
    private static final int STRIPES = 1 << 16;
    private static final ThreadLocal<Reading> READING = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> HOLDING_TURN = new ThreadLocal<>();

    /** What an answer depends on, when it was read: every commit, or one announcement's events. */
    private record Version(long generation, long epoch, int stripe, long stripeVersion) {
    }

    /** An answer, the version of what it depends on, the commit count when its read began, and until when it may be served. */
    private record Entry(Version version, long readFrom, Instant expiresAt, Object value) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLongArray announcements = new AtomicLongArray(STRIPES);
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Semaphore reads;
    private final Counter hits;
    private final Counter misses;

    /**
     * @param concurrentReads how many requests may read the database at once; below the connection pool's
     *                        size, so a burst of misses never makes the projection wait for a connection
     */
    public ReadCache(Clock clock, @Value("${platform.overview.read-cache.max-age:60s}") Duration maxAge,
                     @Value("${platform.overview.read-cache.max-entries:20000}") int maxEntries,
                     @Value("${platform.overview.read-cache.concurrent-reads:6}") int concurrentReads, MeterRegistry meters) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        // Bounded by Caffeine, which evicts the answers least asked for one by one. The bound used to empty the whole
        // cache when full: at 100,000 announcements readers asking about many of them filled it every minute or so, and
        // every answer, the much-asked ones too, was then read again at once. Its upkeep runs on the calling thread (a
        // few map operations now and then), so an eviction has happened when put returns, not later on a pool thread.
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).<String, Entry>build().asMap();
        this.reads = new Semaphore(concurrentReads, true);
        this.hits = meters.counter("overview.read.cache", "result", "hit");
        this.misses = meters.counter("overview.read.cache", "result", "miss");
    }

    /**
     * An answer that any commit may change, read on the calling thread, from inside another read (the
     * organisation names a matrix shows). It takes no turn of its own: the outer read holds one.
     */
    public <T> T get(String key, Supplier<T> read) {
        try {
            return lookup(key, null, read, Runnable::run, false).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The same, for a caller on the HTTP event loop: a hit is answered on the spot, without handing the
     * request to another thread; a miss reads on {@code executor}, since reading queries the database.
     *
     * @param announcementId the one announcement the answer depends on, or null when any commit may change it
     */
    public <T> CompletableFuture<T> getAsync(String key, String announcementId, Supplier<T> read, Executor executor) {
        return lookup(key, announcementId, read, executor, true);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> lookup(String key, String announcementId, Supplier<T> read, Executor executor, boolean bounded) {
        // Inside another read, what that read's asker needs is enough: a timeline page asked for at commit 5
        // may use organisation names read from commit 5 on, however many commits came while it waited for its turn.
        Reading outer = READING.get();
        long asked = outer != null ? outer.asked() : generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.version().equals(current(announcementId)) && !expired(entry)) {
            count(outer, hits);
            used(entry);
            return CompletableFuture.completedFuture((T) entry.value());
        }
        count(outer, misses);
        CompletableFuture<T> answer = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                answer.complete((T) load(key, announcementId, read, asked, bounded));
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * One read at a time per answer. Whoever waited for the lock takes the answer read meanwhile if that read
     * began after they asked (it has every commit they could have seen); so however fast commits come, a
     * burst of requests costs one or two reads, not one each. Reads nest (a matrix or timeline page reads the
     * organisation names) in one order only, so the locks cannot deadlock.
     */
    private Object load(String key, String announcementId, Supplier<?> read, long asked, boolean bounded) {
        if (locks.size() > maxEntries) {
            locks.clear(); // a lock dropped while held only costs a second concurrent read of that answer
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Entry entry = entries.get(key);
            // Read meanwhile, after this request asked, or still current: new enough.
            if (entry != null && (entry.readFrom() >= asked || entry.version().equals(current(announcementId))) && !expired(entry)) {
                used(entry);
                return entry.value();
            }
            Reading reading = new Reading(asked, generation.get());
            Version version = current(announcementId);
            Instant expiresAt = expiresAt(announcementId, clock.instant());
            Reading outer = READING.get();
            READING.set(reading);
            Object value;
            try {
                value = bounded ? bounded(read) : read.get();
            } finally {
                READING.set(outer);
            }
            // An answer built from cached answers is as old as the oldest of them, and is versioned so.
            long readFrom = reading.readFrom;
            Entry kept = new Entry(announcementId == null ? new Version(readFrom, 0, -1, 0) : version, readFrom, expiresAt, value);
            entries.put(key, kept);
            used(kept);
            return value;
        }
    }

    /** The read under way on this thread: what its asker needs, and the oldest commit count of what it used. */
    private static final class Reading {
        private final long asked;
        private long readFrom;

        Reading(long asked, long readFrom) {
            this.asked = asked;
            this.readFrom = readFrom;
        }

        long asked() {
            return asked;
        }
    }

    private static void used(Entry entry) {
        Reading reading = READING.get();
        if (reading != null && entry.readFrom() < reading.readFrom) {
            reading.readFrom = entry.readFrom();
        }
    }

    /**
     * An answer about one announcement changes only with events about it, organisation names, and the date (a
     * consultation becomes overdue): it is kept until the day ends. Every other answer is kept at most the max-age,
     * since what it shows may also come from reference data no event announces (the municipality table).
     */
    private Instant expiresAt(String announcementId, Instant readAt) {
        return announcementId == null ? readAt.plus(maxAge)
                : LocalDate.ofInstant(readAt, clock.getZone()).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private boolean expired(Entry entry) {
        return !entry.expiresAt().isAfter(clock.instant());
    }

    /**
     * Counts what a request asked for, not what a read asked for inside it: every matrix or timeline read from the
     * database looks up the organisation names, and counting that hit made a cache that missed every answer report 60%.
     */
    private static void count(Reading outer, Counter counter) {
        if (outer == null) {
            counter.increment();
        }
    }

    /** Counts a hit or a miss of a cache kept elsewhere (the regional pages), so the metric covers every answer. */
    void count(boolean hit) {
        (hit ? hits : misses).increment();
    }

    /**
     * Takes one of the concurrent database reads for {@code read}, unless this thread holds one already: a
     * timeline filtered by region reads the regional snapshot inside its own turn, and waiting for a second
     * turn there could deadlock.
     */
    <T> T bounded(Supplier<T> read) {
        if (HOLDING_TURN.get() != null) {
            return read.get();
        }
        reads.acquireUninterruptibly();
        HOLDING_TURN.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            HOLDING_TURN.remove();
            reads.release();
        }
    }

    private Version current(String announcementId) {
        if (announcementId == null) {
            return new Version(generation.get(), 0, -1, 0);
        }
        int stripe = Math.floorMod(announcementId.hashCode(), STRIPES);
        return new Version(0, epoch.get(), stripe, announcements.get(stripe));
    }

    /**
     * A poll committed: answers about these announcements, and every answer not about one announcement,
     * are read again. Call after the commit.
     */
    public void changed(Collection<String> announcementIds) {
        announcementIds.forEach(id -> announcements.incrementAndGet(Math.floorMod(id.hashCode(), STRIPES)));
        generation.incrementAndGet();
    }

    /** Something every answer shows changed (an organisation's name, a rebuild switched over): forget them all. */
    public void changedEverything() {
        epoch.incrementAndGet();
        generation.incrementAndGet();
        entries.clear();
    }
}
