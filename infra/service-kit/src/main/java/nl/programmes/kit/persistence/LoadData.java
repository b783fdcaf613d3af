package nl.programmes.kit.persistence;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Sends the rows of an {@code INSERT IGNORE … VALUES (?, …)} as {@code LOAD DATA LOCAL INFILE … IGNORE}: the rows as
 * tab-separated text from memory, which MariaDB reads without parsing a statement's literals. A timeline row cost MariaDB
 * about a quarter less CPU that way (docs/benchmarks, {@code row-cost.sh}). Same effect as the insert: rows whose key is
 * there already are skipped, values that do not fit are adjusted with a warning, and the count is of the rows inserted.
 * <p>
 * Only on connections that {@link LoadDataConnections} opened for it. Connector/J reads a local file for any
 * {@code LOAD DATA LOCAL} the server asks for, so it is allowed for the duration of this one statement, whose data is
 * the stream given here whatever file name the server names; at all other times the connection can only read files in
 * an empty directory. When the server refuses {@code LOCAL} ({@code local_infile=OFF}) the rows go as the insert.
 */
final class LoadData {

    /**
     * Fewer rows go as the insert: a load takes two round trips where the insert takes one, which a live poll of a few
     * events would feel in its latency and a rebuild's poll of 2,000 does not.
     */
    static final int MIN_ROWS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LoadData.class);
    /** MariaDB's and MySQL's answers when {@code LOAD DATA LOCAL} is off on the server. */
    private static final List<Integer> REFUSED = List.of(1148, 3948, 4166);
    /** Said once: a refusing server costs each long run a refused round trip, and takes loads again once it allows them. */
    private static volatile boolean warned;

    private LoadData() {
    }

    /**
     * Sends the rows as {@code statement} (a {@code LOAD DATA LOCAL INFILE} of {@code columns} columns).
     *
     * @return the rows inserted, or null when this connection or the server does not take {@code LOAD DATA LOCAL}
     */
    static Integer send(Connection connection, String statement, List<Object[]> rows, int columns) {
        try {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
            if (!mysql.getPropertySet().getStringProperty(PropertyKey.allowLoadLocalInfileInPath).isExplicitlySet()) {
                return null; // not opened for it: the server would refuse LOCAL from this connection
            }
            byte[] text = text(rows, columns, statement);
            RuntimeProperty<Boolean> allowed = mysql.getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile);
            allowed.setValue(true);
            try (Statement load = connection.createStatement()) {
                load.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(text));
                return load.executeUpdate(statement);
            } finally {
                allowed.setValue(false);
            }
        } catch (SQLException e) {
            if (REFUSED.contains(e.getErrorCode())) {
                if (!warned) {
                    warned = true;
                    LOG.warn("The database refuses LOAD DATA LOCAL ({}); rows are sent as multi-row inserts while it does. "
                            + "Set local_infile=ON on the server for faster rebuilds.", e.getMessage());
                }
                return null;
            }
            throw new PersistenceException(e);
        }
    }

    /** The rows as MariaDB's default {@code LOAD DATA} format: tab between fields, a line each, backslash escapes. */
    static byte[] text(List<Object[]> rows, int columns, String statement) {
        StringBuilder text = new StringBuilder(rows.size() * 192);
        for (Object[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException(columns + " values expected, " + row.length + " given: " + statement);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One value; the same types as {@link SqlLiterals}, written as MariaDB reads them back into the column. */
    static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            string(text, s);
        } else if (value instanceof Boolean b) {
            text.append(b ? '1' : '0'); // TRUE would be read as a string, and stored as 0
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            text.append(((Number) value).longValue()); // digits straight into the text, no String on the way
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (SqlLiterals.isTemporal(value)) {
            SqlLiterals.temporal(text, value);
        } else {
            SqlLiterals.append(text, value); // refuses, naming the types it takes
        }
    }

    /**
     * The string with {@code LOAD DATA}'s escapes. Most have nothing to escape and are copied whole: a character at a time,
     * the copy was about a seventh of what the rebuild's consumers spent (JFR).
     */
    private static void string(StringBuilder text, String s) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> "\\0";
                default -> null;
            };
            if (escape != null) {
                text.append(s, from, i).append(escape);
                from = i + 1;
            }
        }
        text.append(s, from, s.length());
    }
}
