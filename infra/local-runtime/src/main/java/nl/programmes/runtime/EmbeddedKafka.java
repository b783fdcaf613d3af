package nl.programmes.runtime;

import nl.programmes.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode ({@code process.roles=broker,controller}), run from the
 * {@code kafka_2.13} artifact in a JVM of its own. Its log directory survives a stop, so a restart on
 * the same directory and port keeps every record: that is how the tests take the broker away and bring
 * it back.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final int port;
    private final int controllerPort;
    private final Path home;
    private final String classpath;
    private JavaProcess broker;

    public EmbeddedKafka(int port, int controllerPort, Path home, String classpath) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.home = home;
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized EmbeddedKafka start() {
        long started = System.nanoTime();
        Path config = writeConfig();
        if (!Files.exists(home.resolve("logs").resolve("meta.properties"))) {
            format(config);
        }
        broker = JavaProcess.start("kafka", classpath,
                jvmOptions(),
                "kafka.Kafka", List.of(config.toString()), Map.of(), home.resolve("kafka.log"));
        awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka ready on {} in {} ms (log in {})", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, broker.log());
        return this;
    }

    /**
     * Small and quick to start (C1 only) for the local runtime and the tests; the benchmark sets
     * {@code platform.kafka.jvm-options} to run the broker as production would (C2, a bigger heap).
     */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(System.getProperty("platform.kafka.jvm-options",
                "-Xms128m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
        options.add("-Dlogback.configurationFile=" + logbackConfig());
        return options;
    }

    /** Stops the broker as a crash would; the log directory stays. */
    public synchronized void kill() {
        if (broker != null) {
            broker.kill();
            broker = null;
        }
    }

    @Override
    public synchronized void close() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
            broker = null;
        }
    }

    /** Completes, saying how, when the broker that runs now ends (never, if none runs). */
    public synchronized java.util.concurrent.CompletableFuture<String> onExit() {
        return broker == null ? new java.util.concurrent.CompletableFuture<>() : broker.onExit().thenApply(code -> "exit code " + code);
    }

    public boolean isRunning() {
        return broker != null && broker.isAlive();
    }

    /**
     * Creates every platform topic and its dead-letter twin, with the given prefix, if missing.
     * Replication factor 1: there is one broker.
     */
    public void createTopics(String prefix) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            topics.add(new NewTopic(prefix + spec.name(), spec.partitions(), (short) 1));
            topics.add(new NewTopic(prefix + Topics.deadLetter(spec.name()), 1, (short) 1));
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics", e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(props);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Kafka exited during start; see " + broker.log());
            }
            if (Ports.isOpen(port)) {
                try (Admin admin = admin()) {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // not ready yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka was not ready within " + timeout + "; see " + broker.log());
            }
            Ports.sleep(200);
        }
    }

    private void format(Path config) {
        JavaProcess format = JavaProcess.start("kafka-storage-format", classpath,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logbackConfig()),
                "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                        "--standalone", "--ignore-formatted"),
                Map.of(), home.resolve("kafka-format.log"));
        int exit = format.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed; see " + format.log());
        }
    }

    private Path writeConfig() {
        String logs = home.resolve("logs").toAbsolutePath().toString();
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs,
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                "num.network.threads=2",
                "num.io.threads=4",
                "");
        try {
            Files.createDirectories(home);
            Path file = home.resolve("server.properties");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path logbackConfig() {
        Path file = home.resolve("kafka-logback.xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="kafka" level="WARN"/>
                      <logger name="org.apache.kafka" level="WARN"/>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
