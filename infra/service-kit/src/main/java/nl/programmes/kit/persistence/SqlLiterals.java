package nl.programmes.kit.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Writes bound values as SQL literals for {@link MultiRowInsert}, the way Connector/J's client-side
 * prepared statements put them into the statement text, minus the one rule that depends on the server's
 * SQL mode: a string goes between single quotes with each quote doubled, which reads the same with or
 * without {@code NO_BACKSLASH_ESCAPES}; a string holding a backslash or a control character (other than
 * tab and line breaks) goes as a hexadecimal literal of its UTF-8 bytes instead, which no input can break
 * out of. The statement travels in the connection's character set (utf8mb4), as bound strings do. Only
 * the value types the services bind are accepted; anything else is refused rather than guessed at.
 * <p>
 * Dates and times are written in the JVM's time zone, which is what Connector/J does with
 * {@link Timestamp} and {@link java.sql.Date} under its defaults, so rows look the same whichever way
 * they were written.
 */
final class SqlLiterals {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiterals() {
    }

    static void append(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof String s) {
            string(sql, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            sql.append(value);
        } else if (value instanceof Boolean b) {
            sql.append(b ? "TRUE" : "FALSE");
        } else if (value instanceof BigDecimal d) {
            sql.append(d.toPlainString());
        } else if (isTemporal(value)) {
            temporal(sql.append('\''), value).append('\'');
        } else {
            throw new IllegalArgumentException("No SQL literal for a " + value.getClass().getName()
                    + "; bind a String, number, Boolean, BigDecimal, Timestamp or Date");
        }
    }

    private static void string(StringBuilder sql, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                hex(sql, s);
                return;
            }
        }
        sql.append('\'');
        int from = 0;
        for (int quote = s.indexOf('\''); quote >= 0; quote = s.indexOf('\'', quote + 1)) {
            sql.append(s, from, quote + 1).append('\'');
            from = quote + 1;
        }
        sql.append(s, from, s.length()).append('\'');
    }

    /** {@code _utf8mb4 X'…'}: the bytes as hex digits, with their character set, so nothing is interpreted. */
    private static void hex(StringBuilder sql, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sql.append("_utf8mb4 X'");
        for (byte b : bytes) {
            sql.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        sql.append('\'');
    }

    static boolean isTemporal(Object value) {
        return value instanceof Timestamp || value instanceof LocalDateTime || value instanceof java.sql.Date || value instanceof LocalDate;
    }

    /** A date or date and time ({@link #isTemporal}), without the quotes: also {@link LoadData}'s text. */
    static StringBuilder temporal(StringBuilder sql, Object value) {
        if (value instanceof Timestamp t) {
            return dateTime(sql, t.toLocalDateTime());
        } else if (value instanceof LocalDateTime t) {
            return dateTime(sql, t);
        } else if (value instanceof java.sql.Date d) {
            return date(sql, d.toLocalDate());
        } else if (value instanceof LocalDate d) {
            return date(sql, d);
        }
        throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
    }

    private static StringBuilder dateTime(StringBuilder sql, LocalDateTime exact) {
        // DATETIME(6) keeps microseconds; round the rest half up, as Connector/J does with a bound value.
        LocalDateTime t = exact.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        date(sql, t.toLocalDate()).append(' ');
        two(sql, t.getHour()).append(':');
        two(sql, t.getMinute()).append(':');
        two(sql, t.getSecond()).append('.');
        String micros = Integer.toString(t.getNano() / 1000);
        return sql.append("000000", micros.length(), 6).append(micros);
    }

    private static StringBuilder date(StringBuilder sql, LocalDate d) {
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("Year out of the SQL range: " + d);
        }
        sql.append(year).append('-');
        two(sql, d.getMonthValue()).append('-');
        return two(sql, d.getDayOfMonth());
    }

    private static StringBuilder two(StringBuilder sql, int n) {
        return sql.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
