package nl.programmes.overview;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.persistence.WriteBehind;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit's write-behind as the overview uses it: statements of one table keep their order, a read in
 * the middle sees the writes queued before it, and a failing batch rolls the whole poll back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteBehindTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @Test
    void keepsPerTableOrderAndReadsItsOwnQueuedWrites() {
        overview.execute("CREATE TABLE wb_cell (id VARCHAR(10) PRIMARY KEY, v INT NOT NULL)");
        overview.execute("CREATE TABLE wb_log (n INT PRIMARY KEY)");
        Sql sql = new Sql(jdbc);

        long seenInTheMiddle = transactions.executeWrite(status -> WriteBehind.during(jdbc, () -> {
            for (int n = 0; n < 500; n++) {
                sql.update("INSERT INTO wb_log (n) VALUES (?)", Sql.params(n));
            }
            sql.update("INSERT INTO wb_cell (id, v) VALUES (?, ?)", Sql.params("a", 1));
            sql.update("UPDATE wb_cell SET v = ? WHERE id = ?", Sql.params(2, "a"));
            sql.update("INSERT INTO wb_cell (id, v) VALUES (?, ?) ON DUPLICATE KEY UPDATE v = VALUES(v) + v", Sql.params("a", 10));
            long count = sql.one("SELECT COUNT(*) FROM wb_log", Sql.params(), rs -> rs.getLong(1)).orElseThrow();
            sql.update("UPDATE wb_cell SET v = v * 2 WHERE id = ?", Sql.params("a"));
            return count;
        }));

        assertThat(seenInTheMiddle).isEqualTo(500);
        assertThat(overview.count("SELECT v FROM wb_cell WHERE id = 'a'")).isEqualTo((2 + 10) * 2);
        assertThat(overview.count("SELECT COUNT(*) FROM wb_log")).isEqualTo(500);
    }

    @Test
    void aFailingBatchRollsBackThePollsOtherWrites() {
        overview.execute("CREATE TABLE wb_unique (id INT PRIMARY KEY)");
        overview.execute("CREATE TABLE wb_other (id INT PRIMARY KEY)");
        Sql sql = new Sql(jdbc);

        assertThatThrownBy(() -> transactions.executeWrite(status -> WriteBehind.during(jdbc, () -> {
            sql.update("INSERT INTO wb_other (id) VALUES (?)", Sql.params(1));
            sql.update("INSERT INTO wb_unique (id) VALUES (?)", Sql.params(7));
            sql.update("INSERT INTO wb_unique (id) VALUES (?)", Sql.params(7));
            return null;
        }))).isInstanceOf(RuntimeException.class);

        assertThat(overview.count("SELECT COUNT(*) FROM wb_other")).isZero();
        assertThat(overview.count("SELECT COUNT(*) FROM wb_unique")).isZero();
    }
}
