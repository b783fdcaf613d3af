package nl.programmes.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RestartsTest {

    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aServiceIsStartedAgainUpToTheLimitWithinTheWindowAndThenLeftStopped() {
        Restarts restarts = new Restarts(3, Duration.ofMinutes(5));
        assertThat(restarts.stoppedAt("overview", T)).isTrue();
        assertThat(restarts.stoppedAt("overview", T.plusSeconds(30))).isTrue();
        assertThat(restarts.stoppedAt("overview", T.plusSeconds(60))).isTrue();
        assertThat(restarts.stoppedAt("overview", T.plusSeconds(90))).as("a fourth stop within five minutes").isFalse();
        assertThat(restarts.stoppedAt("portal", T.plusSeconds(90))).as("each service counts its own").isTrue();
    }

    @Test
    void stopsOlderThanTheWindowNoLongerCount() {
        Restarts restarts = new Restarts(1, Duration.ofMinutes(5));
        assertThat(restarts.stoppedAt("overview", T)).isTrue();
        assertThat(restarts.stoppedAt("overview", T.plus(Duration.ofMinutes(5)))).as("the first is five minutes back").isTrue();
        assertThat(restarts.stoppedAt("overview", T.plus(Duration.ofMinutes(6)))).isFalse();
    }
}
