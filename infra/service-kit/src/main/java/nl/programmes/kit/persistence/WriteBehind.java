package nl.programmes.kit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queues a consumer poll's writes and sends them in bulk before the poll's transaction commits: a
 * thousand inserts or upserts become a few multi-row statements ({@link MultiRowInsert}) instead of a
 * thousand round trips; other statements go as JDBC batches ({@code rewriteBatchedStatements=true}).
 * <p>
 * Order is kept where it matters: statements on the same table run in the order they were issued
 * (runs of the same SQL text become one batch); statements on different tables may run in another
 * order, which is safe because every statement queued here touches one table and reads no other.
 * Any read through {@link Sql} first sends what is queued for the tables it reads, so a projection
 * always reads its own writes.
 * A statement whose table cannot be told from its text is not queued: the queue is sent, then it runs.
 */
public final class WriteBehind {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
    private static final ThreadLocal<WriteBehind> CURRENT = new ThreadLocal<>();
    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+`?([A-Za-z0-9_]+)`?\\s",
            Pattern.CASE_INSENSITIVE);

    /**
     * The table each statement writes, by its text. The projections' statements are a few dozen constant texts, and
     * a rebuild offers a hundred thousand of them: matching each one again cost more than the queue itself. A statement
     * built per call (an amendment's {@code SET} list) adds an entry per shape, and there are few shapes; past
     * {@link #MAX_SHAPES} (texts with values in them, say) statements are matched each time instead.
     */
    private static final Map<String, Optional<String>> TABLES = new ConcurrentHashMap<>();
    private static final int MAX_SHAPES = 1_000;

    private static final Pattern READ_TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+`?([A-Za-z0-9_]+)`?", Pattern.CASE_INSENSITIVE);

    private record Pending(String sql, Object[] values) {
    }

    /** The keyed upserts at the end of a table's queue: their statement, and where each key's row is in the queue. */
    private record Keyed(String sql, Map<Object, Integer> at) {
    }

    private final JdbcOperations jdbc;
    private final Map<String, List<Pending>> byTable = new LinkedHashMap<>();
    private final Map<String, Keyed> keyed = new HashMap<>();
    /** Per table: rows sent and nanoseconds spent sending them, for the debug line. */
    private final Map<String, long[]> sent = new LinkedHashMap<>();

    private WriteBehind(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the work with writes queued, and sends them before returning (still inside the caller's transaction). */
    public static <T> T during(JdbcOperations jdbc, Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        WriteBehind queue = new WriteBehind(jdbc);
        CURRENT.set(queue);
        try {
            T result = work.get();
            queue.flush();
            if (LOG.isDebugEnabled()) {
                StringBuilder line = new StringBuilder();
                queue.sent.forEach((table, figures) -> line.append(line.isEmpty() ? "" : ", ").append(table).append(' ')
                        .append(figures[0]).append(" rows ").append(figures[1] / 1_000_000).append(" ms"));
                LOG.debug("Sent {}", line);
            }
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /** The queue of this thread's {@link #during}, or null outside one (not an Optional: every statement of a poll asks). */
    static WriteBehind current() {
        return CURRENT.get();
    }

    /** Queues the statement; false when it must run now (after the queue was sent). */
    boolean offer(String sql, Object[] values) {
        return offer(sql, values, null, null);
    }

    /**
     * Queues an upsert of the row with this key. When the statements queued for its table since the last other statement
     * are this same upsert and one of them has the key, the two become one row: {@code merge(earlier, later)}, which must
     * leave the table as the two statements one after the other would. False when it must run now.
     */
    boolean offer(String sql, Object[] values, Object key, BinaryOperator<Object[]> merge) {
        Optional<String> table = TABLES.size() < MAX_SHAPES ? TABLES.computeIfAbsent(sql, WriteBehind::tableOf) : tableOf(sql);
        if (table.isEmpty()) {
            flush();
            return false;
        }
        List<Pending> queued = byTable.computeIfAbsent(table.get(), t -> new ArrayList<>());
        if (key == null) {
            keyed.remove(table.get()); // this statement comes between: what was queued before it stays as it is
            queued.add(new Pending(sql, values));
            return true;
        }
        Keyed run = keyed.get(table.get());
        if (run == null || !run.sql().equals(sql)) { // another upsert came between: start a new run of this one
            run = new Keyed(sql, new HashMap<>());
            keyed.put(table.get(), run);
        }
        Integer earlier = run.at().get(key);
        if (earlier != null) {
            queued.set(earlier, new Pending(sql, merge.apply(queued.get(earlier).values(), values)));
        } else {
            run.at().put(key, queued.size());
            queued.add(new Pending(sql, values));
        }
        return true;
    }

    private static Optional<String> tableOf(String sql) {
        Matcher m = TABLE.matcher(sql);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Before a read: sends what is queued for the tables the query reads (all of it if they cannot be told). */
    void flushFor(String query) {
        Matcher m = READ_TABLE.matcher(query);
        List<String> tables = new ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (tables.isEmpty()) {
            flush();
            return;
        }
        for (String table : tables) {
            List<Pending> statements = byTable.remove(table);
            keyed.remove(table);
            if (statements != null) {
                send(table, statements);
            }
        }
    }

    void flush() {
        byTable.forEach(this::send);
        byTable.clear();
        keyed.clear();
    }

    /** Runs of the same SQL text go out together (one multi-row insert or one JDBC batch), in the order they were queued. */
    private void send(String table, List<Pending> statements) {
        long started = System.nanoTime();
        int start = 0;
        while (start < statements.size()) {
            int end = start;
            String sql = statements.get(start).sql();
            while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                end++;
            }
            List<Pending> run = statements.subList(start, end);
            Optional<MultiRowInsert> insert = MultiRowInsert.of(sql);
            if (insert.isPresent()) {
                insert.get().execute(jdbc, run.stream().map(Pending::values).toList());
                start = end;
                continue;
            }
            jdbc.prepareStatement(sql, statement -> {
                try {
                    for (Pending pending : run) {
                        bind(statement, pending.values());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                } catch (SQLException e) {
                    throw new PersistenceException(e);
                }
            });
            start = end;
        }
        long[] figures = sent.computeIfAbsent(table, t -> new long[2]);
        figures[0] += statements.size();
        figures[1] += System.nanoTime() - started;
    }

    static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
