package nl.programmes.kit.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * One clock for every service, replaceable in tests. Its zone is the business calendar's: with a UTC clock, a
 * committee could not record a meeting held today between midnight and 01:00 Dutch time (02:00 in summer), while
 * the overview already dated that evening's lines a day later.
 */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return BusinessCalendar.clock();
    }
}
