package nl.programmes.overview;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.programmes.overview.read.ReadCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read cache's promise: never older than the last commit that could change an answer, and one read per burst of misses. */
class ReadCacheTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReadCache cache = new ReadCache(Clock.systemUTC(), Duration.ofMinutes(1), 1000, 2, meters);
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Supplier<Integer> counting() {
        return reads::incrementAndGet;
    }

    /** A read that says it has begun, then waits for the test to let it finish. */
    private Supplier<Integer> slowRead(CountDownLatch started, CountDownLatch release) {
        return () -> {
            started.countDown();
            await(release);
            return reads.incrementAndGet();
        };
    }

    private int matrix(String announcement) {
        return cache.getAsync("matrix|" + announcement, announcement, counting(), executor).join();
    }

    @Test
    void anAnswerAboutOneAnnouncementStaysWhenOthersChangeAndGoesWhenItsOwnDoes() {
        int first = matrix("A");
        assertThat(matrix("A")).isEqualTo(first);

        cache.changed(Set.of("B"));
        assertThat(matrix("A")).as("an event about B leaves A's matrix").isEqualTo(first);
        assertThat(reads).hasValue(1);

        cache.changed(Set.of("A", "C"));
        assertThat(matrix("A")).as("an event about A reads it again").isEqualTo(2);
    }

    @Test
    void anAnswerAboutEverythingIsReadAgainAfterAnyCommit() {
        assertThat(cache.getAsync("timeline", null, counting(), executor).join()).isEqualTo(1);
        assertThat(cache.get("timeline", counting())).isEqualTo(1);

        cache.changed(Set.of("B"));
        assertThat(cache.get("timeline", counting())).isEqualTo(2);
        cache.changed(Set.of());
        assertThat(cache.get("timeline", counting())).as("a commit about no announcement (an offering)").isEqualTo(3);
    }

    @Test
    void anAnswerAboutOneAnnouncementStaysPastTheMaxAgeUntilTheDateChanges() {
        // A quarter to midnight in Amsterdam: a matrix read now stays all evening, but tomorrow a consultation may be overdue.
        MovableClock clock = new MovableClock(Instant.parse("2026-03-10T22:45:00Z"), ZoneId.of("Europe/Amsterdam"));
        ReadCache cache = new ReadCache(clock, Duration.ofMinutes(1), 1000, 2, new SimpleMeterRegistry());
        assertThat(cache.getAsync("matrix|A", "A", counting(), executor).join()).isEqualTo(1);
        assertThat(cache.getAsync("timeline", null, counting(), executor).join()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(10));
        assertThat(cache.getAsync("matrix|A", "A", counting(), executor).join()).as("ten minutes later, the same day").isEqualTo(1);
        assertThat(cache.getAsync("timeline", null, counting(), executor).join()).as("an answer about everything, past the max-age")
                .isEqualTo(3);

        clock.advance(Duration.ofMinutes(10));
        assertThat(cache.getAsync("matrix|A", "A", counting(), executor).join()).as("past midnight in Amsterdam").isEqualTo(4);
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MovableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theHitRateCountsWhatRequestsAskedForNotTheNamesAReadLooksUp() {
        // Two matrices read from the database, each looking up the organisation names while it is read.
        for (String announcement : new String[] {"A", "B"}) {
            cache.getAsync("matrix|" + announcement, announcement, () -> cache.get("organisation-names", counting()), executor).join();
        }
        matrix("A");

        assertThat(meters.counter("overview.read.cache", "result", "miss").count()).as("the two matrices' first askings").isEqualTo(2.0);
        assertThat(meters.counter("overview.read.cache", "result", "hit").count()).as("A's second asking only").isEqualTo(1.0);
    }

    @Test
    void aFullCacheKeepsTheAnswersAskedForMost() {
        // Three times as many other answers as the cache holds (1,000), each asked once, between askings of one matrix.
        AtomicInteger hotReads = new AtomicInteger();
        for (int i = 0; i < 3_000; i++) {
            cache.getAsync("matrix|hot", "hot", hotReads::incrementAndGet, executor).join();
            matrix("other-" + i);
        }

        assertThat(hotReads).as("read once; emptying the whole cache when full read it again after each emptying (four times)").hasValue(1);
        assertThat(reads).hasValue(3_000);
    }

    @Test
    void anOrganisationChangeForgetsEveryAnswer() {
        matrix("A");
        cache.changedEverything();
        assertThat(matrix("A")).isEqualTo(2);
    }

    @Test
    void missesAtTheSameVersionShareOneRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> slow = slowRead(new CountDownLatch(1), release);
        CompletableFuture<Integer> first = cache.getAsync("matrix|A", "A", slow, executor);
        CompletableFuture<Integer> second = cache.getAsync("matrix|A", "A", slow, executor);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadBegunBeforeACommitServesNoOneWhoAskedAfterIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> slow = slowRead(started, release);
        CompletableFuture<Integer> before = cache.getAsync("matrix|A", "A", slow, executor);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        cache.changed(Set.of("A")); // a poll about A commits while that read is under way
        CompletableFuture<Integer> after = cache.getAsync("matrix|A", "A", slow, executor);
        CompletableFuture<Integer> alsoAfter = cache.getAsync("matrix|A", "A", slow, executor);
        release.countDown();

        assertThat(before.get(5, TimeUnit.SECONDS)).isNotEqualTo(after.get(5, TimeUnit.SECONDS));
        assertThat(alsoAfter.get(5, TimeUnit.SECONDS)).as("both asked after the commit: one read serves both").isEqualTo(after.get());
        assertThat(reads).hasValue(2);
        assertThat(matrix("A")).as("kept: the read that began after the commit").isEqualTo(after.get());
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        CompletableFuture<Integer> failed = cache.getAsync("matrix|A", "A", () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("database away");
        }, executor);
        assertThatThrownBy(failed::join).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.get("timeline", () -> {
            throw new IllegalArgumentException("bad");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(matrix("A")).isEqualTo(2);
    }

    @Test
    void noMoreReadsThanAllowedReachTheDatabaseAtOnce() throws Exception {
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] answers = new CompletableFuture<?>[4];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = cache.getAsync("matrix|" + i, Integer.toString(i), () -> {
                most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                await(release);
                atOnce.decrementAndGet();
                return 0;
            }, executor);
        }
        TimeUnit.MILLISECONDS.sleep(200);
        release.countDown();
        CompletableFuture.allOf(answers).get(5, TimeUnit.SECONDS);
        assertThat(most).as("this cache allows two concurrent reads").hasValue(2);
    }

    @Test
    void nestedAnswersWaitForOneReadThatBeganAfterTheyAsked() throws Exception {
        ReadCache cache = new ReadCache(Clock.systemUTC(), Duration.ofMinutes(1), 1000, 4, new SimpleMeterRegistry());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> names = slowRead(started, release);
        Supplier<String> page = () -> "page with names " + cache.get("organisation-names", names);

        CompletableFuture<String> first = cache.getAsync("timeline|a", null, page, executor);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        cache.changed(Set.of());
        CompletableFuture<String> second = cache.getAsync("timeline|b", null, page, executor);
        CompletableFuture<String> third = cache.getAsync("timeline|c", null, page, executor);
        TimeUnit.MILLISECONDS.sleep(100); // both wait for the names' lock
        cache.changed(Set.of()); // and more commits come while they wait
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("page with names 1");
        assertThat(second.get(5, TimeUnit.SECONDS)).as("asked after the first read began").isEqualTo("page with names 2");
        assertThat(third.get(5, TimeUnit.SECONDS)).as("shares the read that began after it asked").isEqualTo("page with names 2");
        assertThat(reads).hasValue(2);
        assertThat(cache.getAsync("timeline|b", null, page, executor).get(5, TimeUnit.SECONDS)).isEqualTo("page with names 2");
        assertThat(reads).as("no commit since: a hit").hasValue(2);

        cache.changed(Set.of("A"));
        assertThat(cache.getAsync("timeline|b", null, page, executor).get(5, TimeUnit.SECONDS))
                .as("an answer is as old as the answers it used: after a commit both are read again").isEqualTo("page with names 3");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
