package nl.programmes.kit.config;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The calendar the platform's dates belong to. A meeting held "today", an application submitted "today", a
 * consultation overdue "since yesterday": these are dates in the Netherlands, whatever zone a server runs in.
 * Every service's clock carries this zone (see {@link ClockFactory}), so {@code LocalDate.now(clock)} is the Dutch
 * date; instants stay zone-free.
 */
public final class BusinessCalendar {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    /** The system's time in the Netherlands' zone: the clock every service reasons with. */
    public static Clock clock() {
        return Clock.system(NETHERLANDS);
    }

    private BusinessCalendar() {
    }
}
