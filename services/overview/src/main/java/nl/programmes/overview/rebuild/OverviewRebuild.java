package nl.programmes.overview.rebuild;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.programmes.kit.kafka.KafkaClients;
import nl.programmes.kit.kafka.PlatformTopics;
import nl.programmes.overview.handling.AppliedPositions;
import nl.programmes.overview.read.ReadModelChanges;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds the overview from offset 0 into fresh tables while the current ones keep serving, then
 * switches over atomically.
 * <ol>
 *   <li>A schema {@code <schema>_rebuild} gets the overview's migrations; the operator's municipality
 *       table is copied in (it is reference data, not derived from events). Its non-unique secondary indexes
 *       are dropped until the rebuild has caught up ({@link DeferredIndexes}).</li>
 *   <li>A second application context of this same service, pointed at that schema and at a new consumer
 *       group, runs the same projection code from the earliest offsets.</li>
 *   <li>When it has caught up, the live listener is paused (and its poll under way, if any, finished), the
 *       rebuild applies past every position the live projection has applied ({@link AppliedPositions}; the
 *       committed offsets may trail those, since they are committed asynchronously), and one
 *       {@code RENAME TABLE} statement swaps every table: the old ones move to {@code <schema>_previous}
 *       (kept until the next rebuild), the new ones take their place.</li>
 *   <li>The live listener resumes from its own offsets; what it reads again is already in the new
 *       tables' timeline (the overview's dedupe marks) and changes nothing.</li>
 * </ol>
 */
@Singleton
public class OverviewRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewRebuild.class);
    private static final Pattern SCHEMA_IN_URL = Pattern.compile("(jdbc:[a-z]+://[^/]+/)([^?]+)(.*)");
    private static final String LIVE_LISTENER = "overview-projection";
    /** Reference data kept as the operator left it rather than re-seeded by the migration. */
    private static final List<String> REFERENCE_TABLES = List.of("municipality_region");

    @Serdeable
    public record State(String state, Instant startedAt, Instant switchedAt, Long lag, String detail) {
        static State idle() {
            return new State("IDLE", null, null, null, null);
        }
    }

    private final ApplicationContext parent;
    private final KafkaClients clients;
    private final PlatformTopics topics;
    private final ConsumerRegistry consumers;
    private final ReadModelChanges changes;
    private final AppliedPositions live;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "overview-rebuild"));
    private final AtomicReference<State> state = new AtomicReference<>(State.idle());

    public OverviewRebuild(ApplicationContext parent, KafkaClients clients, PlatformTopics topics, ConsumerRegistry consumers,
                           ReadModelChanges changes, AppliedPositions live) {
        this.parent = parent;
        this.live = live;
        this.changes = changes;
        this.clients = clients;
        this.topics = topics;
        this.consumers = consumers;
    }

    public State state() {
        return state.get();
    }

    /**
     * Runs a change to reference data unless a rebuild is running (it copied the reference tables at its start and would
     * switch over to that copy): empty then. Holds the same lock as {@link #start}, so a rebuild cannot start between
     * the check and the change; one that starts after it copies the table with the change.
     */
    public synchronized <T> java.util.Optional<T> unlessRebuilding(java.util.function.Supplier<T> change) {
        if (running()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(change.get());
    }

    private boolean running() {
        return "RUNNING".equals(state.get().state()) || "SWITCHING".equals(state.get().state());
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (running()) {
            return false;
        }
        Instant started = Instant.now();
        state.set(new State("RUNNING", started, null, null, "preparing the new tables"));
        worker.submit(() -> run(started));
        return true;
    }

    private void run(Instant started) {
        String group = topics.physical("overview-rebuild-" + started.toEpochMilli());
        ApplicationContext rebuild = null;
        // One admin client for the whole rebuild: building one for every look at the lag (twice a second) cost threads,
        // connections and metadata requests, CPU that the rebuild itself needs.
        try (Connection connection = connect(); Admin admin = clients.admin()) {
            String live = connection.getCatalog();
            String next = live + "_rebuild";
            String previous = live + "_previous";
            execute(connection, "DROP DATABASE IF EXISTS `" + next + "`");
            // Same character set and collation as the live schema: the new tables replace its tables, and
            // joins or comparisons with other schemas must behave exactly as before the switch.
            execute(connection, "CREATE DATABASE `" + next + "`" + defaults(connection, live));
            migrate(next);
            for (String table : REFERENCE_TABLES) {
                execute(connection, "DELETE FROM `" + next + "`.`" + table + "`");
                execute(connection, "INSERT INTO `" + next + "`.`" + table + "` SELECT * FROM `" + live + "`.`" + table + "`");
            }
            DeferredIndexes indexes = DeferredIndexes.drop(connection, next);
            rebuild = startRebuildContext(next, group);
            int consumers = rebuild.getProperty("platform.overview.consumer-threads", Integer.class).orElse(1);
            LOG.info("Rebuilding the overview into schema {} with consumer group {} ({} consumers); {} secondary indexes are added "
                    + "when it has caught up", next, group, consumers, indexes.count());
            awaitCaughtUp(admin, group, started);
            state.set(new State("RUNNING", started, null, 0L, "adding the secondary indexes"));
            long indexing = System.nanoTime();
            indexes.add(connection);
            LOG.info("Added {} secondary indexes to the rebuilt tables in {} ms", indexes.count(), (System.nanoTime() - indexing) / 1_000_000);

            state.set(new State("SWITCHING", started, null, 0L, "pausing the live projection"));
            pauseLive();
            try {
                awaitPast(admin, rebuild, group);
                rebuild.close(); // no more writes to the new tables from here
                rebuild = null;
                swap(connection, live, next, previous);
                changes.changedEverything();
            } finally {
                resumeLive();
            }
            deleteGroup(admin, group);
            Instant switched = Instant.now();
            LOG.info("Overview rebuilt and switched over in {} s; the old tables are in schema {}",
                    Duration.between(started, switched).toSeconds(), previous);
            state.set(new State("SWITCHED", started, switched, 0L, "old tables kept in schema " + previous));
        } catch (Exception e) {
            LOG.error("Overview rebuild failed; the live tables are unchanged", e);
            state.set(new State("FAILED", started, null, null, e.toString()));
        } finally {
            if (rebuild != null) {
                rebuild.close();
            }
        }
    }

    /**
     * The overview's migrations on the new schema, before its context starts: the secondary indexes are dropped
     * before the first event is written. The context's own migration then finds nothing to do.
     */
    private void migrate(String schema) {
        String[] locations = parent.getProperty("flyway.datasources.default.locations", String[].class)
                .orElse(new String[]{"classpath:db/migration"});
        Flyway.configure(parent.getClassLoader())
                .dataSource(urlOf(schema), parent.getProperty("datasources.default.username", String.class).orElse(null),
                        parent.getProperty("datasources.default.password", String.class).orElse(null))
                .locations(locations)
                .load()
                .migrate();
    }

    /** The live datasource's URL with another schema. */
    private String urlOf(String schema) {
        String url = parent.getProperty("datasources.default.url", String.class).orElseThrow();
        Matcher m = SCHEMA_IN_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot find the schema in " + url);
        }
        return m.group(1) + schema + m.group(3);
    }

    /** This service once more, without a web server, on the new schema and a consumer group of its own. */
    private ApplicationContext startRebuildContext(String schema, String group) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("datasources.default.url", urlOf(schema));
        overrides.put("platform.overview.consumer-group", group);
        overrides.put("platform.topics.provision", false);
        // Several consumers, each with partitions of its own: one projects its poll while another's rows go in (OverviewListener).
        overrides.put("platform.overview.consumer-threads",
                parent.getProperty("platform.overview.rebuild.consumer-threads", Integer.class).orElse(1));
        // The consumers join the new group one after the other, and the first is given every partition. A member learns
        // that the others have joined from a heartbeat's answer: at the default of one every 3 s the first applied 45,000
        // of 100,000 events alone before the others were given their partitions.
        overrides.put("kafka.consumers.default.heartbeat.interval.ms", 100);
        return ApplicationContext.builder()
                .environments(parent.getEnvironment().getActiveNames().toArray(String[]::new))
                .propertySources(parent.getEnvironment().getPropertySources().toArray(PropertySource[]::new))
                .properties(overrides)
                .start();
    }

    private void awaitCaughtUp(Admin admin, String group, Instant started) throws Exception {
        long lag;
        do {
            TimeUnit.MILLISECONDS.sleep(500);
            lag = lag(admin, group);
            state.set(new State("RUNNING", started, null, lag, "reading every topic from offset 0"));
        } while (lag > 0);
    }

    /**
     * Waits until the rebuild has applied at least as far as the (paused, idle) live projection on every partition.
     * Each side counts what it applied, or what its group committed where that is further (a partition the live
     * projection has not read from since it started has only its committed offset).
     */
    private void awaitPast(Admin admin, ApplicationContext rebuild, String rebuildGroup) throws Exception {
        String liveGroup = parent.getProperty("platform.overview.consumer-group", String.class).orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Set<TopicPartition> partitions = Offsets.endOffsets(admin, topics).keySet();
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, Long> target = furthest(Offsets.committed(admin, partitions, liveGroup), live.positions());
            Map<TopicPartition, Long> rebuilt = furthest(Offsets.committed(admin, partitions, rebuildGroup),
                    rebuild.getBean(AppliedPositions.class).positions());
            if (target.entrySet().stream().allMatch(e -> rebuilt.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("The rebuild did not reach the live projection's position within 2 minutes");
    }

    private static Map<TopicPartition, Long> furthest(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> applied) {
        Map<TopicPartition, Long> furthest = new HashMap<>(committed);
        applied.forEach((partition, next) -> furthest.merge(partition, next, Math::max));
        return furthest;
    }

    /** Three requests to the broker: where the topics end, and where the group stands. */
    private long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> ends = Offsets.endOffsets(admin, topics);
        Map<TopicPartition, Long> done = Offsets.committed(admin, ends.keySet(), group);
        return ends.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - done.get(e.getKey()))).sum();
    }

    private static String defaults(Connection connection, String schema) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Schema " + schema + " not found");
                }
                return " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
            }
        }
    }

    /** Every table of the live schema changes place in one statement, so readers see old or new, never a mix. */
    private static void swap(Connection connection, String live, String next, String previous) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(live, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.removeIf(t -> t.equalsIgnoreCase("flyway_schema_history"));
        execute(connection, "DROP DATABASE IF EXISTS `" + previous + "`");
        execute(connection, "CREATE DATABASE `" + previous + "`");
        List<String> moves = new ArrayList<>();
        for (String table : tables) {
            moves.add("`" + live + "`.`" + table + "` TO `" + previous + "`.`" + table + "`");
            moves.add("`" + next + "`.`" + table + "` TO `" + live + "`.`" + table + "`");
        }
        execute(connection, "RENAME TABLE " + String.join(", ", moves));
        execute(connection, "DROP DATABASE IF EXISTS `" + next + "`");
    }

    private void pauseLive() throws InterruptedException {
        Set<String> ids = liveListeners();
        ids.forEach(consumers::pause);
        // Paused, and the poll that was being applied when the pause came has committed: from here on the live
        // positions do not move until the resume.
        Instant deadline = Instant.now().plusSeconds(30);
        while (!(ids.stream().allMatch(consumers::isPaused) && live.idle())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The live projection did not pause within 30 seconds");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private void resumeLive() {
        liveListeners().forEach(consumers::resume);
    }

    private Set<String> liveListeners() {
        Set<String> ids = new java.util.HashSet<>(consumers.getConsumerIds());
        ids.removeIf(id -> !id.startsWith(LIVE_LISTENER));
        return ids;
    }

    private void deleteGroup(Admin admin, String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.info("Could not delete the rebuild's consumer group {}: {}", group, e.toString());
        }
    }

    /** A plain connection outside the framework's transactions: DDL commits on its own in MySQL anyway. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(parent.getProperty("datasources.default.url", String.class).orElseThrow(),
                parent.getProperty("datasources.default.username", String.class).orElse(null),
                parent.getProperty("datasources.default.password", String.class).orElse(null));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
