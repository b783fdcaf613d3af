package nl.programmes.platform.bench;

import nl.programmes.testkit.TestPlatform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How the overview's multi-row inserts are best sent, measured as CPU rather than wall time, since a rebuild is bound
 * by the CPU of a machine it shares with the broker: the client's (this thread) and the database's ({@code mariadbd}
 * from {@code /proc}), per row. Each way writes the same 100,000 timeline rows in transactions of 650 rows (a
 * consumer's share of a full poll) and of 100, into the table as a rebuild has it (time-ordered ids, no secondary indexes):
 * <ul>
 *   <li>text: one statement with the values written in, sent as a plain statement (what {@code MultiRowInsert} did
 *       until session 9);</li>
 *   <li>server-prepared: statements of 128, 32, 8 and 1 rows prepared on the server once per connection, values sent
 *       in binary ({@code useServerPrepStmts}).</li>
 * </ul>
 * Run by {@code docs/benchmarks/statement-cost.sh}; never by the test suite. Rounds alternate the ways, so that a
 * neighbour's load on the machine falls on both.
 */
public final class StatementCostBenchmark {

    private static final int ROWS = 100_000;
    private static final int[] CHUNKS = {128, 32, 8, 1};
    /** The timeline's table as a rebuild writes it: no secondary indexes until it has caught up. */
    private static final String TABLE = "CREATE TABLE statement_cost (" + RowCostBenchmark.COLUMNS + RowCostBenchmark.SENTENCES
            + ", projected_at DATETIME(6) NOT NULL, PRIMARY KEY (event_id)) ENGINE = InnoDB";
    private static final String HEAD = "INSERT IGNORE INTO statement_cost (event_id, occurred_on, recorded_at, announcement_id, kind, "
            + "actor_user, actor_org, sentence_nl, sentence_en, projected_at) VALUES ";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?)";

    private interface Way {
        void send(Connection connection, List<Object[]> rows) throws SQLException;
    }

    private StatementCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestPlatform platform = TestPlatform.get();
        String schema = platform.service("overview").schema();
        String url = platform.jdbcUrl(schema);
        long mariadbd = ProcessCpu.find().pid("MariaDB");
        System.out.printf("%n==== CPU per row of a multi-row insert (%,d timeline rows) ====%n", ROWS);
        System.out.printf("  %-18s %12s %10s %10s %10s %10s%n", "way", "rows a poll", "wall µs", "client µs", "server µs", "sum µs");
        try (Connection text = DriverManager.getConnection(url, "root", "");
             Connection prepared = DriverManager.getConnection(url + "&useServerPrepStmts=true&cachePrepStmts=true"
                     + "&prepStmtCacheSize=100&prepStmtCacheSqlLimit=32768", "root", "")) {
            for (int round = 1; round <= 3; round++) { // the first round warms both the JIT and the server
                System.out.println("round " + round);
                for (int perPoll : new int[]{650, 100}) {
                    measure("text", perPoll, text, StatementCostBenchmark::asText, mariadbd);
                    measure("server-prepared", perPoll, prepared, StatementCostBenchmark::asPrepared, mariadbd);
                }
            }
        }
        System.exit(0);
    }

    private static void measure(String name, int perPoll, Connection connection, Way way, long mariadbd) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS statement_cost");
            statement.execute(TABLE);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        connection.setAutoCommit(false);
        long wall = System.nanoTime();
        long client = threads.getCurrentThreadCpuTime();
        long server = (long) (ProcessCpu.cpuSeconds(mariadbd) * 1e9);
        for (int first = 0; first < ROWS; first += perPoll) {
            way.send(connection, rows(first, Math.min(perPoll, ROWS - first)));
            connection.commit();
        }
        server = (long) (ProcessCpu.cpuSeconds(mariadbd) * 1e9) - server;
        client = threads.getCurrentThreadCpuTime() - client;
        wall = System.nanoTime() - wall;
        connection.setAutoCommit(true);
        System.out.printf("  %-18s %12d %10.1f %10.1f %10.1f %10.1f%n", name, perPoll, wall / 1e3 / ROWS, client / 1e3 / ROWS, server / 1e3 / ROWS,
                (client + server) / 1e3 / ROWS);
    }

    /** A timeline line's values as {@code TimelineProjection} binds them. */
    private static List<Object[]> rows(int first, int count) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            rows.add(new Object[]{RowCostBenchmark.timeOrdered(i).toString(), Date.valueOf(LocalDate.of(2026, 1 + i % 9, 10 + i % 9)),
                    Timestamp.valueOf(LocalDateTime.of(2026, 11, 27, 10, 0).plusNanos(i * 1_000L)), RowCostBenchmark.timeOrdered(i / 13).toString(),
                    "nl.programmes.consultation.outcome-recorded.v1", "user-" + i % 500, "org-" + i % 100, RowCostBenchmark.DUTCH, RowCostBenchmark.ENGLISH,
                    Timestamp.valueOf(LocalDateTime.of(2026, 11, 27, 11, 0).plusNanos(i * 1_000L))});
        }
        return rows;
    }

    private static void asText(Connection connection, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder(256 + rows.size() * 400).append(HEAD);
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ",(");
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                // These values hold no quote or backslash: each goes between quotes as it is.
                sql.append(i == 0 ? "'" : ",'").append(row[i]).append('\'');
            }
            sql.append(')');
        }
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.executeUpdate(sql.toString());
        }
    }

    private static void asPrepared(Connection connection, List<Object[]> rows) throws SQLException {
        int from = 0;
        for (int size : CHUNKS) {
            if (rows.size() - from < size) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(HEAD + String.join(",", java.util.Collections.nCopies(size, ROW)))) {
                for (; rows.size() - from >= size; from += size) {
                    int parameter = 1;
                    for (Object[] row : rows.subList(from, from + size)) {
                        for (Object value : row) {
                            statement.setObject(parameter++, value);
                        }
                    }
                    statement.executeUpdate();
                }
            }
        }
    }
}
