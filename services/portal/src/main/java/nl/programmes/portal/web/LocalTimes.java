package nl.programmes.portal.web;

import nl.programmes.kit.config.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Moments as people in the Netherlands read them. The services answer with instants in UTC ({@code 2026-11-27T23:30:00Z});
 * shown as they came, a line recorded at half past midnight read as the evening before, under a date that the
 * steering committee and the timeline call the next day. Business dates (a meeting, a due date, an intended start) are
 * written out as in a letter, "12 september 2024", in the page's language. Every page has this as {@code times}.
 */
public final class LocalTimes {

    public static final LocalTimes INSTANCE = new LocalTimes();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessCalendar.NETHERLANDS);

    private LocalTimes() {
    }

    /** An ISO date ({@code 2024-09-12}) as "12 september 2024" (Dutch) or "12 September 2024"; as given when it is no date. */
    public String day(String isoDate, Locale locale) {
        return inWords(isoDate, text -> BusinessCalendar.inWords(LocalDate.parse(text), locale));
    }

    /** Whether an ISO instant is after another; false when either is none. */
    public boolean after(String instant, String than) {
        try {
            return instant != null && than != null && Instant.parse(instant).isAfter(Instant.parse(than));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Days from today (the Dutch calendar's) to an ISO date: 0 today, 1 tomorrow, negative once past; null when it is no
     * date. What a deadline leaves reads quicker than the date alone.
     */
    public Long daysUntil(String isoDate) {
        try {
            return isoDate == null || isoDate.isBlank() ? null
                    : ChronoUnit.DAYS.between(LocalDate.now(BusinessCalendar.NETHERLANDS), LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A month ({@code 2027-09}, an intended start) as "september 2027" (Dutch) or "September 2027"; as given when it is no month. */
    public String month(String yearMonth, Locale locale) {
        return inWords(yearMonth, text -> BusinessCalendar.inWords(YearMonth.parse(text), locale));
    }

    private static String inWords(String value, java.util.function.UnaryOperator<String> write) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return write.apply(value);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** The Dutch calendar date of an ISO instant, in words ("28 november 2026"); empty for none. */
    public String date(String instant, Locale locale) {
        return instant == null || instant.isBlank() ? "" : BusinessCalendar.inWords(local(instant).toLocalDate(), locale);
    }

    /**
     * When a timeline line was recorded, to be read beside its business date: on that same day only the time matters
     * ("om 03:25"); a decision recorded weeks after its meeting needs the day as well ("29 november 2026 om 03:25").
     */
    public Recorded recorded(String instant, String businessDate, Locale locale) {
        if (instant == null || instant.isBlank()) {
            return new Recorded(true, "", "");
        }
        java.time.LocalDateTime at = local(instant);
        return new Recorded(at.toLocalDate().toString().equals(businessDate), BusinessCalendar.inWords(at.toLocalDate(), locale),
                TIME.format(at));
    }

    /** A recorded moment's parts; {@code sameDay}: on the line's business date. */
    public record Recorded(boolean sameDay, String day, String time) {
    }

    private static java.time.LocalDateTime local(String instant) {
        return java.time.LocalDateTime.ofInstant(Instant.parse(instant), BusinessCalendar.NETHERLANDS);
    }

    /** An ISO instant in Dutch time to the second, for operators ("2026-11-28 00:30:00"); empty for none. */
    public String second(String instant) {
        return format(SECOND, instant);
    }

    private static String format(DateTimeFormatter formatter, String instant) {
        return instant == null || instant.isBlank() ? "" : formatter.format(Instant.parse(instant));
    }
}
