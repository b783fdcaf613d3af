package nl.programmes.kit.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Writes bound values as SQL literals for {@link MultiRowInsert}. Safe by construction rather than by
 * escaping: a string is written between quotes only when every character is a letter, digit or one of
 * a few punctuation marks that mean nothing inside quotes in any SQL mode; any other string goes as a
 * hexadecimal literal of its UTF-8 bytes, which no input can break out of. Only the value types the
 * services bind are accepted; anything else is refused rather than guessed at.
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
        } else if (value instanceof Timestamp t) {
            dateTime(sql, t.toLocalDateTime());
        } else if (value instanceof LocalDateTime t) {
            dateTime(sql, t);
        } else if (value instanceof java.sql.Date d) {
            date(sql.append('\''), d.toLocalDate()).append('\'');
        } else if (value instanceof LocalDate d) {
            date(sql.append('\''), d).append('\'');
        } else {
            throw new IllegalArgumentException("No SQL literal for a " + value.getClass().getName()
                    + "; bind a String, number, Boolean, BigDecimal, Timestamp or Date");
        }
    }

    private static void string(StringBuilder sql, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!plain(s.charAt(i))) {
                hex(sql, s);
                return;
            }
        }
        sql.append('\'').append(s).append('\'');
    }

    /** Characters with no meaning inside a quoted string, whatever the SQL mode (no quote, backslash or NUL). */
    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ' ' || c == '-' || c == '_' || c == '.' || c == ',' || c == ':' || c == '/' || c == '@'
                || c == '+' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '=';
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

    private static void dateTime(StringBuilder sql, LocalDateTime exact) {
        // DATETIME(6) keeps microseconds; round the rest half up, as Connector/J does with a bound value.
        LocalDateTime t = exact.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        date(sql.append('\''), t.toLocalDate()).append(' ');
        two(sql, t.getHour()).append(':');
        two(sql, t.getMinute()).append(':');
        two(sql, t.getSecond()).append('.');
        String micros = Integer.toString(t.getNano() / 1000);
        sql.append("000000", micros.length(), 6).append(micros).append('\'');
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
