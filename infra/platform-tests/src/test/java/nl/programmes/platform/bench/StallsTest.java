package nl.programmes.platform.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's summary of when slow requests came: bursts, how far apart, and how many came alone. */
class StallsTest {

    @Test
    void slowRequestsThatComeTogetherAreABurstAndTheSpacingIsTheMedianBetweenBursts() {
        List<long[]> trace = new ArrayList<>();
        for (long at = 0; at < 2_500_000; at += 5_000) {
            trace.add(new long[] {at, 1_000, 0}); // fast requests throughout, every 5 ms
        }
        for (long burst : new long[] {100_000, 645_000, 1_190_000}) {
            for (int i = 0; i < 3; i++) {
                trace.add(new long[] {burst + i * 10_000, 40_000, 1}); // three slow requests 10 ms apart
            }
        }
        trace.add(new long[] {2_100_000, 20_000, 2}); // one slow request alone

        OverviewBenchmark.Stalls stalls = OverviewBenchmark.Stalls.of(OverviewBenchmark.Draw.ANEW, trace);

        assertThat(stalls.bursts()).as("the three groups; the lone one is no burst").isEqualTo(3);
        assertThat(stalls.slow()).isEqualTo(10);
        assertThat(stalls.slowInBursts()).isEqualTo(9);
        assertThat(stalls.spacingMillis()).as("545 ms apart twice").isEqualTo(545.0);
    }

    @Test
    void fewerThanTwoBurstsHaveNoSpacing() {
        List<long[]> trace = List.of(new long[] {100_000, 40_000, 0}, new long[] {110_000, 40_000, 0}, new long[] {900_000, 20_000, 1});

        OverviewBenchmark.Stalls stalls = OverviewBenchmark.Stalls.of(OverviewBenchmark.Draw.ANEW, trace);

        assertThat(stalls.bursts()).isEqualTo(1);
        assertThat(stalls.spacingMillis()).isNaN();
        assertThat(stalls.toString()).contains("too few to space").contains("2 of 3 slow requests");
    }
}
