package nl.programmes.kit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/** Small helpers over JdbcOperations so repositories read as SQL, not as try/catch. */
public final class Sql {

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs an insert, update or delete. Inside {@link WriteBehind#during} a statement bound with
     * {@link #params} is queued and sent with the others of its poll; it then reports 1 row.
     */
    public int update(String sql, Binder binder) {
        WriteBehind queue = WriteBehind.current();
        if (queue != null && binder instanceof Params params && queue.offer(sql, params.values())) {
            return 1;
        }
        return jdbc.prepareStatement(sql, statement -> {
            try {
                binder.bind(statement);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });
    }

    /**
     * Runs an upsert of the row with this key, like {@link #update}. Inside {@link WriteBehind#during}, a second upsert of the
     * same key in the same poll is not sent as a row of its own: it is merged into the first with {@code merge(earlier,
     * later)}, which must give the row that leaves the table as the two upserts one after the other would. A consultation's
     * request and its outcome, which usually arrive in one poll, then cost one row instead of an insert and an update.
     */
    public int upsert(String sql, Object key, Object[] values, BinaryOperator<Object[]> merge) {
        WriteBehind queue = WriteBehind.current();
        if (queue != null && queue.offer(sql, values, key, merge)) {
            return 1;
        }
        return update(sql, params(values));
    }

    /**
     * Sends the rows of a single-row {@code INSERT … VALUES (?, …)} now, as multi-row statements, even inside
     * {@link WriteBehind#during} (whose queue is sent first, to keep the order of statements).
     *
     * @return the rows the server reports as changed; for {@code INSERT IGNORE}, how many were new
     */
    public int insertNow(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        WriteBehind queue = WriteBehind.current();
        if (queue != null) {
            queue.flush();
        }
        return MultiRowInsert.of(sql).orElseThrow(() -> new IllegalArgumentException("Not a single-row insert of placeholders: " + sql))
                .execute(jdbc, rows);
    }

    /**
     * Which of these keys are in the table's column: one query. Returns a set the caller may add to. The table and
     * column names go into the statement as they are: pass names from code, never from input.
     */
    public Set<String> present(String table, String column, List<String> keys) {
        Set<String> present = new HashSet<>();
        if (!keys.isEmpty()) {
            query("SELECT " + column + " FROM " + table + " WHERE " + column + " IN (" + marks(keys.size()) + ")", params(keys.toArray()),
                    rs -> present.add(rs.getString(1)));
        }
        return present;
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        WriteBehind queue = WriteBehind.current();
        if (queue != null) {
            queue.flushFor(sql); // read your own queued writes
        }
        return jdbc.prepareStatement(sql, statement -> {
            try {
                binder.bind(statement);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });
    }

    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        return query(sql, binder, mapper).stream().findFirst();
    }

    /** As many parameter marks as values, comma-separated: what goes between the parentheses of {@code IN (…)}. */
    public static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    public static Binder params(Object... values) {
        return new Params(values);
    }

    /** Parameters by value, so a statement can wait in a {@link WriteBehind} queue. */
    record Params(Object[] values) implements Binder {
        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            WriteBehind.bind(statement, values);
        }
    }
}
