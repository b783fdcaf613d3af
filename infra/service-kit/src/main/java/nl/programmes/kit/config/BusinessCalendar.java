package nl.programmes.kit.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The calendar the platform's dates belong to. A meeting held "today", an application submitted "today", a
 * consultation overdue "since yesterday": these are dates in the Netherlands, whatever zone a server runs in.
 * Every service's clock carries this zone (see {@link ClockFactory}), so {@code LocalDate.now(clock)} is the Dutch
 * date; instants stay zone-free.
 */
public final class BusinessCalendar {

    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    public static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu");

    /** The system's time in the Netherlands' zone: the clock every service reasons with. */
    public static Clock clock() {
        return Clock.system(NETHERLANDS);
    }

    /**
     * A date as in a letter: "12 september 2024" in Dutch, "12 September 2024" in English. The portal's pages and the
     * timeline's sentences write business dates so, alike.
     */
    public static String inWords(LocalDate date, Locale language) {
        return DAY.withLocale(language).format(date);
    }

    /** A month, such as an intended start, as in a letter: "september 2027", "September 2027". */
    public static String inWords(YearMonth month, Locale language) {
        return MONTH.withLocale(language).format(month);
    }

    private BusinessCalendar() {
    }
}
