package nl.programmes.testkit;

import nl.programmes.runtime.EmbeddedKafka;
import nl.programmes.runtime.EmbeddedMariaDb;
import nl.programmes.runtime.Ports;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real Kafka broker and one real MariaDB per test JVM, started on first use on free loopback
 * ports and shared by every test class. Each test class takes a {@link ServiceUnderTest} with its own
 * schema and topic prefix, so classes never see each other's data.
 */
public final class TestPlatform {

    private static TestPlatform instance;

    private final Path home;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedKafka kafka;
    private final TestTokens tokens;
    private final AtomicInteger sequence = new AtomicInteger();

    private TestPlatform() {
        try {
            home = Files.createTempDirectory("platform-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mariaDb = new EmbeddedMariaDb(Ports.free(), home.resolve("mariadb"));
        kafka = new EmbeddedKafka(Ports.free(), Ports.free(), home.resolve("kafka"), System.getProperty("java.class.path"));
        // Both take seconds to start; start them side by side.
        CompletableFuture<?> database = CompletableFuture.runAsync(mariaDb::start);
        kafka.start();
        database.join();
        tokens = new TestTokens();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-platform-shutdown"));
    }

    public static synchronized TestPlatform get() {
        if (instance == null) {
            instance = new TestPlatform();
        }
        return instance;
    }

    /** A fresh schema and topic prefix for one test class, with the service's standard properties. */
    public ServiceUnderTest service(String serviceName) {
        int n = sequence.incrementAndGet();
        String schema = "t" + n + "_" + serviceName.replaceAll("[^a-z0-9]", "_");
        String topicPrefix = "t" + n + "-";
        mariaDb.createSchema(schema);
        kafka.createTopics(topicPrefix);
        return new ServiceUnderTest(this, serviceName, schema, topicPrefix);
    }

    /** A shared topic prefix and one schema per named service, for tests that run several services together. */
    public Map<String, ServiceUnderTest> services(String... serviceNames) {
        int n = sequence.incrementAndGet();
        String topicPrefix = "t" + n + "-";
        kafka.createTopics(topicPrefix);
        Map<String, ServiceUnderTest> services = new LinkedHashMap<>();
        for (String name : serviceNames) {
            String schema = "t" + n + "_" + name;
            mariaDb.createSchema(schema);
            services.put(name, new ServiceUnderTest(this, name, schema, topicPrefix));
        }
        return services;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String schema) {
        return mariaDb.jdbcUrl(schema);
    }

    /** The port of the platform's MariaDB, for a {@link TcpLink} to it. */
    public int databasePort() {
        return mariaDb.port();
    }

    public Connection connect(String schema) {
        try {
            return DriverManager.getConnection(jdbcUrl(schema), "root", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** Takes the broker away as a crash would. Records already written stay in its log directory. */
    public void stopBroker() {
        kafka.kill();
    }

    /** Brings the broker back on the same port and log directory. */
    public void startBroker() {
        if (!kafka.isRunning()) {
            kafka.start();
        }
    }

    /** Awaitility with the kit's defaults: poll every 50 ms, give up after 30 s. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .pollDelay(Duration.ZERO).ignoreExceptions();
    }

    private void shutdown() {
        tokens.close();
        kafka.close();
        mariaDb.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: the directory is a temporary one, and a file can vanish while it is walked
        }
    }
}
