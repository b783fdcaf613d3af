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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit's write-behind as the overview uses it: statements of one table keep their order, a read in
 * the middle sees the writes queued before it, and a failing batch rolls the whole poll back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteBehindTest implements TestPropertyProvider {

    private static final String VALUE_COLUMNS = "(id INT PRIMARY KEY, s TEXT NULL, v VARCHAR(50) NULL, at DATETIME(6) NULL, "
            + "day DATE NULL, flag BOOLEAN NULL, amount DECIMAL(6,2) NULL, big BIGINT NULL)";

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

    /** Upserts of one key in a poll become one row, but never across another statement on their table. */
    @Test
    void mergesUpsertsOfOneKeyUpToTheNextOtherStatement() {
        overview.execute("CREATE TABLE wb_sum (id VARCHAR(10) PRIMARY KEY, n INT NOT NULL)");
        Sql sql = new Sql(jdbc);
        String add = "INSERT INTO wb_sum (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";
        java.util.concurrent.atomic.AtomicInteger merges = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BinaryOperator<Object[]> sum = (a, b) -> {
            merges.incrementAndGet();
            return new Object[]{a[0], (int) a[1] + (int) b[1]};
        };

        transactions.executeWrite(status -> WriteBehind.during(jdbc, () -> {
            sql.upsert(add, "x", new Object[]{"x", 1}, sum);
            sql.upsert(add, "y", new Object[]{"y", 5}, sum);
            sql.upsert(add, "x", new Object[]{"x", 2}, sum);
            sql.update("UPDATE wb_sum SET n = n * 10 WHERE id = ?", Sql.params("x"));
            sql.upsert(add, "x", new Object[]{"x", 3}, sum);
            return null;
        }));

        assertThat(merges).hasValue(1);
        assertThat(overview.count("SELECT n FROM wb_sum WHERE id = 'x'")).isEqualTo((1 + 2) * 10 + 3);
        assertThat(overview.count("SELECT n FROM wb_sum WHERE id = 'y'")).isEqualTo(5);
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

    /**
     * Inserts are sent as statements the kit writes itself (MultiRowInsert): every value must land exactly
     * as a bound parameter would have put it, hostile strings included, and a run bigger than one
     * statement must arrive whole.
     */
    @Test
    void insertsWrittenAsLiteralsStoreWhatBindingWould() {
        overview.execute("CREATE TABLE wb_literal " + VALUE_COLUMNS);
        List<Object[]> rows = hostileRows();
        Sql sql = new Sql(jdbc);
        String insert = "INSERT INTO %s (id, s, v, at, day, flag, amount, big) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        transactions.executeWrite(status -> WriteBehind.during(jdbc, () -> {
            rows.forEach(row -> sql.update(insert.formatted("wb_literal"), Sql.params(row)));
            return null;
        }));

        assertStoredAsBound("wb_literal", rows, insert);
        assertThat(overview.count("SELECT COUNT(*) FROM wb_literal WHERE MICROSECOND(at) > 0")).isPositive();
    }

    /**
     * An {@code INSERT IGNORE} of placeholders goes as {@code LOAD DATA LOCAL INFILE} (the overview allows it): the same
     * values as binding would store, rows already there skipped and not counted, and the statement really was a load.
     */
    @Test
    void insertIgnoreSentAsLoadDataStoresWhatBindingWouldAndCountsNewRows() {
        List<Object[]> rows = hostileRows();
        Sql sql = new Sql(jdbc);
        String insert = "INSERT IGNORE INTO %s (id, s, v, at, day, flag, amount, big) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        overview.execute("CREATE TABLE wb_loaded " + VALUE_COLUMNS);
        long[] loads = new long[2];
        int firstHalf = transactions.executeWrite(status -> {
            loads[0] = sessionLoads(sql);
            int inserted = sql.insertNow(insert.formatted("wb_loaded"), rows.subList(0, rows.size() / 2));
            loads[1] = sessionLoads(sql);
            return inserted;
        });
        int all = transactions.executeWrite(status -> sql.insertNow(insert.formatted("wb_loaded"), rows));

        assertThat(loads[1] - loads[0]).isEqualTo(1);
        assertThat(firstHalf).isEqualTo(rows.size() / 2);
        assertThat(all).isEqualTo(rows.size() - rows.size() / 2);
        assertStoredAsBound("wb_loaded", rows, insert);
    }

    /**
     * Only {@code INSERT IGNORE} goes as a load: {@code LOCAL} would turn strict mode's errors into warnings. A long run of
     * any other insert with a value that does not fit still fails its poll, so the record is parked rather than cut.
     */
    @Test
    void aLongRunOfAStrictInsertStillRefusesAValueThatDoesNotFit() {
        overview.execute("CREATE TABLE wb_strict (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL)");
        Sql sql = new Sql(jdbc);
        String upsert = "INSERT INTO wb_strict (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)";

        assertThatThrownBy(() -> transactions.executeWrite(status -> WriteBehind.during(jdbc, () -> {
            for (int i = 0; i < 300; i++) {
                sql.update(upsert, Sql.params(i, i == 150 ? "far too long" : "ok"));
            }
            return null;
        }))).hasStackTraceContaining("Data too long");
        assertThat(overview.count("SELECT COUNT(*) FROM wb_strict")).isZero();
    }

    /**
     * The overview's connections take {@code LOAD DATA LOCAL} for the rows the kit gives them, and read no file: not one
     * named in a statement, and so not one that a server would ask for either.
     */
    @Test
    void theConnectionsReadNoLocalFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("not-for-the-database-", ".txt");
        java.nio.file.Files.writeString(file, "1\n2\n");
        overview.execute("CREATE TABLE wb_file (id INT PRIMARY KEY)");

        assertThatThrownBy(() -> transactions.executeWrite(status -> jdbc.execute(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                return statement.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE wb_file");
            }
        }))).hasStackTraceContaining("is not under the safe path");
        assertThat(overview.count("SELECT COUNT(*) FROM wb_file")).isZero();
        java.nio.file.Files.delete(file);
    }

    /**
     * A server with {@code local_infile=OFF} refuses the load: the rows go as the insert, with the same effect. Once it
     * allows loads again, they are loads again.
     */
    @Test
    void aServerThatRefusesLoadDataGetsTheInsert() {
        overview.execute("CREATE TABLE wb_refused (id INT PRIMARY KEY, s TEXT NULL)");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Object[]{i, "row\t" + i});
        }
        Sql sql = new Sql(jdbc);
        String insert = "INSERT IGNORE INTO wb_refused (id, s) VALUES (?, ?)";
        overview.execute("SET GLOBAL local_infile = 0");
        int refused;
        try {
            refused = transactions.executeWrite(status -> sql.insertNow(insert, rows.subList(0, 200))
                    + sql.insertNow(insert, rows.subList(0, 250)));
        } finally {
            overview.execute("SET GLOBAL local_infile = 1");
        }
        long[] loads = new long[2];
        int allowed = transactions.executeWrite(status -> {
            loads[0] = sessionLoads(sql);
            int inserted = sql.insertNow(insert, rows);
            loads[1] = sessionLoads(sql);
            return inserted;
        });

        assertThat(refused).isEqualTo(250);
        assertThat(allowed).isEqualTo(50);
        assertThat(loads[1] - loads[0]).isEqualTo(1);
        assertThat(overview.count("SELECT COUNT(*) FROM wb_refused WHERE s = CONCAT('row', CHAR(9), id)")).isEqualTo(300);
    }

    private static long sessionLoads(Sql sql) {
        return sql.one("SHOW SESSION STATUS LIKE 'Com_load'", Sql.params(), rs -> rs.getLong(2)).orElseThrow();
    }

    /** Strings that break naive escaping (quotes, backslashes, tabs, line breaks, NUL, \N, NULL), and every type the services bind. */
    private static List<Object[]> hostileRows() {
        List<String> strings = new ArrayList<>(List.of("", " ", "O'Brien", "\\", "\\'", "'; DROP TABLE wb_literal; --", "\u0000x",
                "\u001a", "line\nbreak\r", "tab\tin", "\\N", "\\t", "NULL", "\"quoted\"", "café", "Zürich ☕ 🎓", "?", "{fn now()}", "%_",
                "日本語", "x".repeat(2_000)));
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            strings.add(random.ints(random.nextInt(40), 0, 0x2FFF).mapToObj(Character::toString).collect(Collectors.joining()));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            rows.add(new Object[]{i, strings.get(i), i % 7 == 0 ? null : "v" + i,
                    Timestamp.valueOf(LocalDateTime.of(2020 + i % 10, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, (int) ((i * 7_919_001L) % 1_000_000_000))),
                    Date.valueOf(LocalDate.of(1999 + i % 30, 2, 28)), i % 3 == 0 ? null : i % 2 == 0, new BigDecimal(i).movePointLeft(2),
                    (long) i * 3_000_000_007L});
        }
        return rows;
    }

    /** The table holds exactly the rows, value for value, as statements with bound parameters store them. */
    private void assertStoredAsBound(String table, List<Object[]> rows, String insert) {
        String bound = table + "_bound";
        overview.execute("CREATE TABLE " + bound + " " + VALUE_COLUMNS);
        Sql sql = new Sql(jdbc);
        transactions.executeWrite(status -> {
            rows.forEach(row -> sql.update(insert.formatted(bound), Sql.params(row)));
            return null;
        });
        assertThat(overview.count("SELECT COUNT(*) FROM " + table)).isEqualTo(rows.size());
        assertThat(overview.count("""
                SELECT COUNT(*) FROM %s l JOIN %s b ON b.id = l.id AND BINARY b.s <=> BINARY l.s AND BINARY b.v <=> BINARY l.v
                    AND b.at <=> l.at AND b.day <=> l.day AND b.flag <=> l.flag AND b.amount <=> l.amount AND b.big <=> l.big"""
                .formatted(table, bound))).isEqualTo(rows.size());
    }
}
