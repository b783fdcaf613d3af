package nl.programmes.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the local runtime starts a service again that stopped by itself: a crash now and then is survived, a
 * service that stops as soon as it starts (a broken build, a schema it cannot migrate) is not started in a loop.
 * Not thread-safe on its own; {@link LocalPlatform} asks under its lock.
 */
final class Restarts {

    private final int allowed;
    private final Duration within;
    private final Map<String, Deque<Instant>> stops = new HashMap<>();

    /** At most {@code allowed} starts again for a service within any {@code within}. */
    Restarts(int allowed, Duration within) {
        this.allowed = allowed;
        this.within = within;
    }

    /** Records that the service stopped at {@code at}; true when it is to be started again. */
    boolean stoppedAt(String service, Instant at) {
        Deque<Instant> recent = stops.computeIfAbsent(service, s -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(at.minus(within))) {
            recent.removeFirst();
        }
        recent.addLast(at);
        return recent.size() <= allowed;
    }
}
