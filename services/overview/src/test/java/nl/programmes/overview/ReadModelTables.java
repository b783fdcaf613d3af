package nl.programmes.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The overview's read-model tables, for tests that empty or compare them all; one list, so a new table is not missed. */
final class ReadModelTables {

    static final List<String> ALL = List.of("announcement_overview", "overview_consultation", "overview_position",
            "overview_decision", "overview_offering", "overview_intake", "organisation_replica", "timeline_entry");

    private ReadModelTables() {
    }

    /** Empties every read-model table (not the reference data, such as the municipality table). */
    static void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : ALL) {
                statement.execute("DELETE FROM " + table);
            }
        }
    }
}
