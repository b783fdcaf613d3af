package nl.programmes.kit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a run of the same {@code INSERT … VALUES (?, …) [ON DUPLICATE KEY UPDATE …]} as multi-row
 * statements that it writes itself, with the values as literals ({@link SqlLiterals}); a long run of an
 * {@code INSERT IGNORE} as {@code LOAD DATA} where the connection takes it ({@link LoadData}).
 * <p>
 * Why not leave it to Connector/J's {@code rewriteBatchedStatements}: profiling a rebuild showed about
 * 60% of the projection's CPU inside the driver's batch rewriting, which encodes every value twice (once
 * to size the packet, once to write it), looks up server settings per value and formats each date with a
 * freshly compiled {@code SimpleDateFormat}. Writing the statement directly costs a fraction of that and
 * gives the server the same multi-row statement. Statements of any other shape keep using JDBC batches.
 */
final class MultiRowInsert {

    /** Well under the smallest default {@code max_allowed_packet} (MySQL 4 MiB before 8.0, MariaDB 16 MiB). */
    static final int MAX_STATEMENT_CHARS = 1 << 20;

    /**
     * One item of the row: a placeholder, or a constant that is the same in every row (a quoted string without quotes or
     * backslashes in it, a number, NULL, TRUE or FALSE). A constant is copied into each row as it is, so a statement
     * such as {@code VALUES (?, 'ANNOUNCED', ?)} is sent multi-row like one of placeholders only, rather than falling
     * back to JDBC batching without a word.
     */
    private static final String ITEM = "(?:\\?|'[^'\\\\]*'|-?\\d+(?:\\.\\d+)?|NULL|TRUE|FALSE)";
    private static final Pattern ITEMS = Pattern.compile(ITEM, Pattern.CASE_INSENSITIVE);
    private static final Pattern SHAPE = Pattern.compile(
            "^(\\s*INSERT\\s+(?:IGNORE\\s+)?INTO\\s+.*?\\bVALUES)\\s*\\((\\s*" + ITEM + "(?:\\s*,\\s*" + ITEM + ")*\\s*)\\)([^?]*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, Optional<MultiRowInsert>> SHAPES = new ConcurrentHashMap<>();

    /**
     * An {@code INSERT IGNORE}, which {@code LOAD DATA LOCAL … IGNORE} does the same way: its table and columns. Only that:
     * {@code LOCAL} turns the errors of strict mode into warnings (a value too long is cut, say), which {@code IGNORE}
     * does anyway, and which any other statement must not do silently.
     */
    private static final Pattern LOADABLE = Pattern.compile(
            "^INSERT\\s+IGNORE\\s+INTO\\s+(`?[A-Za-z0-9_]+`?)\\s*\\(([^()]*)\\)\\s*VALUES\\s*$", Pattern.CASE_INSENSITIVE);

    private final String head;
    private final String tail;
    /** The same rows as {@code LOAD DATA LOCAL INFILE}, for an {@code INSERT IGNORE} of placeholders only; else null. */
    private final String loadData;
    /** The row's items in order: null for a placeholder, else the constant's text. */
    private final List<String> items;
    private final int columns;
    /** Characters a row of this statement took last time, for the next statement's capacity; a race only misjudges once. */
    private volatile int charsPerRow = 128;

    private MultiRowInsert(String head, String tail, List<String> items) {
        this.head = head;
        this.tail = tail;
        this.items = items;
        this.columns = (int) items.stream().filter(java.util.Objects::isNull).count();
        Matcher loadable = LOADABLE.matcher(head.strip());
        this.loadData = loadable.matches() && tail.isBlank() && columns == items.size()
                ? "LOAD DATA LOCAL INFILE 'rows' IGNORE INTO TABLE " + loadable.group(1) + " CHARACTER SET utf8mb4 (" + loadable.group(2) + ")"
                : null;
    }

    /** The statement's shape when it is a single-row insert of placeholders and constants; empty otherwise. */
    static Optional<MultiRowInsert> of(String sql) {
        // Statement texts are constants of the code; past a thousand (texts with values in them) parse each time, keep nothing.
        return SHAPES.size() < 1_000 ? SHAPES.computeIfAbsent(sql, MultiRowInsert::parse) : parse(sql);
    }

    private static Optional<MultiRowInsert> parse(String sql) {
        Matcher m = SHAPE.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> items = new java.util.ArrayList<>();
        Matcher item = ITEMS.matcher(m.group(2));
        while (item.find()) {
            items.add(item.group().equals("?") ? null : item.group());
        }
        return Optional.of(new MultiRowInsert(m.group(1).strip() + ' ', m.group(3), items));
    }

    /** The statements for these rows, each below {@link #MAX_STATEMENT_CHARS}, rows in the given order. */
    List<String> statements(List<Object[]> rows) {
        List<String> statements = new java.util.ArrayList<>();
        // Sized from the rows this statement had before, so the builder is not grown (and copied) two or three times.
        int capacity = (int) Math.min(MAX_STATEMENT_CHARS + 4_096L, head.length() + tail.length() + (long) rows.size() * charsPerRow);
        StringBuilder sql = new StringBuilder(capacity).append(head);
        int inStatement = 0;
        for (Object[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException(columns + " values expected, " + row.length + " given: " + head);
            }
            int before = sql.length();
            sql.append(inStatement == 0 ? "(" : ",(");
            int value = 0;
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sql.append(',');
                }
                String constant = items.get(i);
                if (constant == null) {
                    SqlLiterals.append(sql, row[value++]);
                } else {
                    sql.append(constant);
                }
            }
            sql.append(')');
            if (sql.length() + tail.length() > MAX_STATEMENT_CHARS && inStatement > 0) {
                // This row does not fit: close the statement without it and start the next one with it.
                String row0 = sql.substring(before + 1);
                sql.setLength(before);
                statements.add(sql.append(tail).toString());
                sql.setLength(0);
                sql.append(head).append(row0);
                inStatement = 0;
            }
            inStatement++;
        }
        statements.add(sql.append(tail).toString());
        // A little over the last statement's average row, so that most statements fit the first estimate.
        charsPerRow = Math.max(16, (sql.length() - head.length() - tail.length()) / Math.max(1, inStatement) * 9 / 8);
        return statements;
    }

    /** Sends the rows; returns the rows the server reports as changed (for {@code INSERT IGNORE}: inserted). */
    int execute(JdbcOperations jdbc, List<Object[]> rows) {
        if (loadData != null && rows.size() >= LoadData.MIN_ROWS) {
            Integer loaded = jdbc.execute(connection -> LoadData.send(connection, loadData, rows, columns));
            if (loaded != null) {
                return loaded;
            }
        }
        List<String> statements = statements(rows);
        return jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false); // the text is final: no JDBC escapes to look for
                int changed = 0;
                for (String sql : statements) {
                    changed += statement.executeUpdate(sql);
                }
                return changed;
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });
    }
}
