package nl.programmes.overview.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The non-unique secondary indexes of a schema that is being rebuilt: dropped before the rebuild writes and added
 * again before the switch-over. Every row a rebuild writes would otherwise update each of them, and
 * {@code docs/benchmarks/row-cost.sh} measures the timeline's two as a fifth to a third of what its row costs the
 * database. Building an index once over the finished table is cheaper than keeping it up to date row by row.
 * Unique indexes stay: upserts need them to find the row they update.
 */
final class DeferredIndexes {

    /** One index as the schema defined it: its columns in order, each with its prefix length if it has one. */
    record Index(String table, String name, List<String> columns) {
        String definition() {
            return "INDEX `" + name + "` (" + String.join(", ", columns) + ")";
        }
    }

    private final String schema;
    private final List<Index> indexes;

    private DeferredIndexes(String schema, List<Index> indexes) {
        this.schema = schema;
        this.indexes = indexes;
    }

    /** Reads the schema's non-unique secondary indexes and drops them. */
    static DeferredIndexes drop(Connection connection, String schema) throws SQLException {
        DeferredIndexes deferred = new DeferredIndexes(schema, read(connection, schema));
        deferred.alter(connection, "DROP INDEX", index -> "`" + index.name() + "`");
        return deferred;
    }

    /** Adds the dropped indexes again, one statement per table; the tables take writes meanwhile (an online ALTER). */
    void add(Connection connection) throws SQLException {
        alter(connection, "ADD", Index::definition);
    }

    int count() {
        return indexes.size();
    }

    private void alter(Connection connection, String verb, Function<Index, String> what) throws SQLException {
        Map<String, List<Index>> byTable = indexes.stream().collect(Collectors.groupingBy(Index::table, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Index>> table : byTable.entrySet()) {
            String changes = table.getValue().stream().map(index -> verb + " " + what.apply(index)).collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE `" + schema + "`.`" + table.getKey() + "` " + changes);
            }
        }
    }

    static List<Index> read(Connection connection, String schema) throws SQLException {
        Map<String, Index> byName = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS
                WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 1 AND INDEX_TYPE = 'BTREE' AND TABLE_NAME <> 'flyway_schema_history'
                ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    Object prefix = rs.getObject(4);
                    String column = "`" + rs.getString(3) + "`" + (prefix == null ? "" : "(" + prefix + ")");
                    byName.computeIfAbsent(table + "." + name, k -> new Index(table, name, new ArrayList<>())).columns().add(column);
                }
            }
        }
        return List.copyOf(byName.values());
    }
}
