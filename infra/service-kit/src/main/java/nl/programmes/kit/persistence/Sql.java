package nl.programmes.kit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        if (binder instanceof Params params && WriteBehind.current().map(q -> q.offer(sql, params.values())).orElse(false)) {
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

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        WriteBehind.current().ifPresent(queue -> queue.flushFor(sql)); // read your own queued writes
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
