package nl.programmes.platform.bench;

import com.mysql.cj.jdbc.JdbcStatement;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.testkit.TestPlatform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What one row costs the database when the overview writes a poll: 100,000 rows in multi-row statements of
 * 2,000 (the projection's poll size), one commit per statement, for the timeline's table as it is and without
 * parts of it or with other column types, and for the kit's dedupe table. Run by {@code docs/benchmarks/row-cost.sh};
 * never by the test suite.
 * <p>
 * Why: a rebuild writes a timeline row and one or two read-model rows per event, so these figures bound the rebuild's
 * rate on this machine before any Java work is counted. Since V4 the timeline row is also the overview's dedupe mark
 * (it writes no {@code processed_event} row any more; the other services' consumers still do). The timeline variants
 * are V3's table: V4's {@code projected_at} column and its index are not in them.
 */
public final class RowCostBenchmark {

    private static final int ROWS = 100_000;
    private static final int PER_STATEMENT = 2_000;
    static final String COLUMNS = "event_id CHAR(36) NOT NULL, occurred_on DATE NOT NULL, recorded_at DATETIME(6) NOT NULL, "
            + "announcement_id CHAR(36) NULL, kind VARCHAR(200) NOT NULL, actor_user VARCHAR(100) NOT NULL, actor_org VARCHAR(64) NOT NULL";
    private static final String ASCII_ID = "CHAR(36) CHARACTER SET ascii COLLATE ascii_bin";
    static final String SENTENCES = ", sentence_nl TEXT NOT NULL, sentence_en TEXT NOT NULL";
    private static final String SECONDARY = ", KEY timeline_order (occurred_on, recorded_at, event_id), KEY timeline_announcement (announcement_id)";
    // A line in the shape of a consultation outcome's (TimelineSentences), organisations as {org:id} placeholders.
    static final String DUTCH = "{org:org-7}: bezwaar tegen Enschede (arbeidsmarkt, doelmatigheid), instemming met Deventer en Apeldoorn; "
            + "afspraken: gezamenlijke werving.";
    static final String ENGLISH = "{org:org-7}: objects to Enschede (labour market, efficiency), consents to Deventer and Apeldoorn; "
            + "agreements: joint recruitment.";

    private static final String DEDUPE = "CREATE TABLE row_cost (event_id CHAR(36) NOT NULL, "
            + "ce_type VARCHAR(200) NOT NULL, processed_at DATETIME(6) NOT NULL, PRIMARY KEY (event_id)) ENGINE = InnoDB";

    /** How the rows are sent. */
    private enum Write {
        /** Multi-row statements of {@link #PER_STATEMENT} rows with a commit each, as a poll writes them. */
        STATEMENTS,
        /**
         * Every row in one transaction into the empty table, with {@code unique_checks} and {@code foreign_key_checks} off,
         * the conditions of MariaDB's bulk insert (no undo record per row, indexes built sorted at the commit). The rebuild
         * cannot use it as it writes now (three consumers, a transaction per poll, upserts); this says what a rebuild that
         * loads each table once would save. Measured in session 11, it cost MariaDB more CPU per row, not less.
         */
        BULK,
        /**
         * The rows as {@code LOAD DATA LOCAL INFILE} text in loads of the same size, as the overview sends its timeline
         * lines and positions since session 12 (the kit's {@code LoadData}).
         */
        LOAD_DATA
    }

    private record Variant(String name, String table, boolean sentences, boolean dedupe, boolean timeOrderedIds, Write write) {

        Variant(String name, String table, boolean sentences) {
            this(name, table, sentences, false, false, Write.STATEMENTS);
        }

        Variant(String name, String table, boolean sentences, boolean dedupe) {
            this(name, table, sentences, dedupe, false, Write.STATEMENTS);
        }

        Variant(String name, String table, boolean sentences, boolean dedupe, boolean timeOrderedIds) {
            this(name, table, sentences, dedupe, timeOrderedIds, Write.STATEMENTS);
        }
    }

    private RowCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Variant> variants = List.of(
                new Variant("timeline_entry as it is (V3)", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true),
                new Variant("  without its two secondary indexes", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)) ENGINE = InnoDB", true),
                new Variant("  without its two sentences", "CREATE TABLE row_cost (" + COLUMNS
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", false),
                new Variant("  with its ids in ascii_bin", "CREATE TABLE row_cost (" + COLUMNS.replace("CHAR(36)", ASCII_ID) + SENTENCES
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true),
                new Variant("  with its sentences as VARCHAR(2000)", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES.replace("TEXT", "VARCHAR(2000)")
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true),
                new Variant("  with time-ordered ids (UUIDv7)", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true, false, true),
                new Variant("  with time-ordered ids, no secondary indexes", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)) ENGINE = InnoDB", true, false, true),
                new Variant("  with time-ordered ids, loaded in bulk", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true, false, true, Write.BULK),
                new Variant("  with time-ordered ids, as LOAD DATA", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)" + SECONDARY + ") ENGINE = InnoDB", true, false, true, Write.LOAD_DATA),
                new Variant("  … and no secondary indexes (as a rebuild)", "CREATE TABLE row_cost (" + COLUMNS + SENTENCES
                        + ", PRIMARY KEY (event_id)) ENGINE = InnoDB", true, false, true, Write.LOAD_DATA),
                new Variant("processed_event (dedupe)", DEDUPE, false, true),
                new Variant("  with its id in ascii_bin", DEDUPE.replace("CHAR(36)", ASCII_ID), false, true));
        TestPlatform platform = TestPlatform.get();
        String schema = platform.service("overview").schema();
        long mariadb = ProcessCpu.find().pid("MariaDB");
        System.out.printf("%n==== Database cost per row (%,d rows, %,d per statement, one commit each unless in bulk) ====%n", ROWS, PER_STATEMENT);
        System.out.println("  (waited for: the client's time in statements and commits; MariaDB's CPU: its whole process, purge included)");
        // allowLoadLocalInfile: this benchmark's own connection to its own database, for the LOAD DATA variants. The services
        // open theirs more narrowly (LoadDataConnections in the kit).
        String url = platform.jdbcUrl(schema);
        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true", "root", "")) {
            for (int round = 1; round <= 2; round++) { // the second round is the one to read: the first warms the server
                System.out.println("round " + round);
                for (Variant variant : variants) {
                    double cpuBefore = ProcessCpu.cpuSeconds(mariadb);
                    double waited = microsPerRow(connection, variant);
                    double cpu = (settled(mariadb) - cpuBefore) * 1e6 / ROWS;
                    System.out.printf("  %-46s %5.1f µs/row waited, MariaDB CPU %5.1f µs/row%n", variant.name(), waited, cpu);
                }
            }
        }
        System.exit(0);
    }

    /** MariaDB's CPU seconds once its background work (the purge of what was just written) has stopped, at most 20 s on. */
    private static double settled(long pid) throws Exception {
        double last = ProcessCpu.cpuSeconds(pid);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            double now = ProcessCpu.cpuSeconds(pid);
            if (now - last < 0.02) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static double microsPerRow(Connection connection, Variant variant) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS row_cost");
            statement.execute(variant.table());
        }
        List<String> announcements = new ArrayList<>();
        for (int i = 0; i < ROWS / 13; i++) {
            announcements.add(UUID.randomUUID().toString());
        }
        Random random = new Random(13);
        long inDatabase = 0;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (variant.write() == Write.BULK) {
                statement.execute("SET unique_checks = 0, foreign_key_checks = 0");
            }
            for (int first = 0; first < ROWS; first += PER_STATEMENT) {
                long started;
                if (variant.write() == Write.LOAD_DATA) {
                    byte[] text = timelineText(first, variant, announcements, random);
                    started = System.nanoTime();
                    statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(text));
                    statement.executeUpdate("LOAD DATA LOCAL INFILE 'rows' IGNORE INTO TABLE row_cost CHARACTER SET utf8mb4 ("
                            + timelineColumns(variant) + ")");
                } else {
                    String sql = variant.dedupe() ? dedupeRows() : timelineRows(first, variant, announcements, random);
                    started = System.nanoTime();
                    statement.executeUpdate(sql);
                }
                if (variant.write() != Write.BULK || first + PER_STATEMENT >= ROWS) {
                    connection.commit();
                }
                inDatabase += System.nanoTime() - started;
            }
            if (variant.write() == Write.BULK) {
                statement.execute("SET unique_checks = 1, foreign_key_checks = 1");
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return inDatabase / 1000.0 / ROWS;
    }

    private static String timelineRows(int first, Variant variant, List<String> announcements, Random random) {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO row_cost (" + timelineColumns(variant) + ") VALUES ");
        for (int i = 0; i < PER_STATEMENT; i++) {
            sql.append(i == 0 ? "(" : ",(");
            List<String> values = timelineRow(first + i, variant, announcements, random);
            for (int v = 0; v < values.size(); v++) {
                sql.append(v == 0 ? "'" : ",'").append(values.get(v)).append('\'');
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** The same rows as {@link #timelineRows}, as the text {@code LOAD DATA} reads: tab between fields, a line each. */
    private static byte[] timelineText(int first, Variant variant, List<String> announcements, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PER_STATEMENT; i++) {
            text.append(String.join("\t", timelineRow(first + i, variant, announcements, random))).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String timelineColumns(Variant variant) {
        return "event_id, occurred_on, recorded_at, announcement_id, kind, actor_user, actor_org"
                + (variant.sentences() ? ", sentence_nl, sentence_en" : "");
    }

    /** One timeline row's values; none holds a quote, backslash, tab or line break, so both formats take them as they are. */
    private static List<String> timelineRow(int n, Variant variant, List<String> announcements, Random random) {
        List<String> values = new ArrayList<>(List.of(
                (variant.timeOrderedIds() ? timeOrdered(n) : UUID.randomUUID()).toString(),
                "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9),
                "2026-11-27 10:00:00." + (100_000 + n),
                announcements.get(random.nextInt(announcements.size())),
                "nl.programmes.consultation.outcome-recorded.v1",
                "user-" + random.nextInt(500),
                "org-" + random.nextInt(100)));
        if (variant.sentences()) {
            values.add(DUTCH);
            values.add(ENGLISH);
        }
        return values;
    }

    /** A UUIDv7 as the platform mints it ({@code TimeOrderedIds}), one millisecond apart per row. */
    static UUID timeOrdered(int n) {
        return TimeOrderedIds.at(Instant.ofEpochMilli(1_795_000_000_000L + n));
    }

    private static String dedupeRows() {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO row_cost (event_id, ce_type, processed_at) VALUES ");
        for (int i = 0; i < PER_STATEMENT; i++) {
            sql.append(i == 0 ? "" : ",").append("('").append(UUID.randomUUID())
                    .append("','nl.programmes.consultation.outcome-recorded.v1','2026-11-27 10:00:00.123456')");
        }
        return sql.toString();
    }
}
