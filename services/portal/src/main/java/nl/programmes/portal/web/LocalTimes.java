package nl.programmes.portal.web;

import nl.programmes.kit.config.BusinessCalendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Moments as people in the Netherlands read them. The services answer with instants in UTC ({@code 2026-11-27T23:30:00Z});
 * shown as they came, a line recorded at half past midnight read as the evening before, under a date that the
 * steering committee and the timeline call the next day. Every page has this as {@code times}.
 */
public final class LocalTimes {

    public static final LocalTimes INSTANCE = new LocalTimes();

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessCalendar.NETHERLANDS);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.NETHERLANDS);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessCalendar.NETHERLANDS);

    private LocalTimes() {
    }

    /** The Dutch calendar date of an ISO instant; empty for none. */
    public String date(String instant) {
        return format(DATE, instant);
    }

    public String minute(String instant) {
        return format(MINUTE, instant);
    }

    public String second(String instant) {
        return format(SECOND, instant);
    }

    private static String format(DateTimeFormatter formatter, String instant) {
        return instant == null || instant.isBlank() ? "" : formatter.format(Instant.parse(instant));
    }
}
