package nl.programmes.runtime;

import nl.programmes.kit.security.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local runtime behind {@code ./platform}: a real Kafka broker and a real MariaDB on loopback,
 * then every service in its own JVM, until Ctrl-C or {@code ./platform down}. Data lives under
 * {@code .platform/} (or {@code PLATFORM_HOME}) and survives restarts; {@code reset} wipes it.
 */
public final class LocalPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final Path projectRoot;
    private final Path home;
    private final Map<String, Integer> ports;
    private final List<JavaProcess> services = new ArrayList<>();
    /** A service that stops by itself is started again, three times in five minutes at most (then it stays down). */
    private final Restarts restarts = new Restarts(3, Duration.ofMinutes(5));
    private volatile boolean stopping;
    private boolean demo = !"false".equalsIgnoreCase(System.getenv("PLATFORM_DEMO"));
    private EmbeddedMariaDb mariaDb;
    private EmbeddedKafka kafka;

    LocalPlatform(Path projectRoot, Path home, Map<String, Integer> ports) {
        this.projectRoot = projectRoot;
        this.home = home;
        this.ports = ports;
    }

    public static void main(String[] args) {
        Path projectRoot = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Path home = Optional.ofNullable(System.getenv("PLATFORM_HOME")).map(Path::of)
                .orElse(projectRoot.resolve(".platform")).toAbsolutePath();
        String command = args.length == 0 ? "up" : args[0];
        LocalPlatform platform = new LocalPlatform(projectRoot, home, ports());
        switch (command) {
            case "up" -> {
                platform.demo = platform.demo && !Arrays.asList(args).contains("--no-demo");
                platform.up();
            }
            case "down" -> platform.down();
            case "reset" -> platform.reset();
            case "status" -> platform.status();
            case "token" -> platform.token(Arrays.copyOfRange(args, 1, args.length));
            case "parked" -> platform.parked(Arrays.copyOfRange(args, 1, args.length));
            default -> {
                System.err.println("Usage: platform up [--no-demo]|down|reset|status|parked [topic]|token <user> <organisation> <ROLE>...");
                System.exit(2);
            }
        }
    }

    /** Local default ports, each overridable by an environment variable. */
    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("portal", env("PORTAL_PORT", 8080));
        ports.put("announcements", env("ANNOUNCEMENTS_PORT", 8081));
        ports.put("consultations", env("CONSULTATIONS_PORT", 8082));
        ports.put("steering", env("STEERING_PORT", 8083));
        ports.put("overview", env("OVERVIEW_PORT", 8084));
        ports.put("kafka", env("KAFKA_PORT", 9092));
        ports.put("kafka-controller", env("KAFKA_CONTROLLER_PORT", 9093));
        ports.put("mariadb", env("MARIADB_PORT", 3306));
        return ports;
    }

    void up() {
        long started = System.nanoTime();
        Path pidFile = home.resolve("platform.pid");
        Optional<ProcessHandle> running = runningInstance(pidFile);
        if (running.isPresent()) {
            System.err.println("The platform is already running (pid " + running.get().pid() + "). Stop it with ./platform down.");
            System.exit(1);
        }
        List<String> busy = ports.entrySet().stream().filter(e -> Ports.isOpen(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!busy.isEmpty()) {
            System.err.println("These ports are taken: " + String.join(", ", busy)
                    + ". Free them or override, e.g. PORTAL_PORT=18080 ./platform up");
            System.exit(1);
        }
        write(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            startInfrastructure();
            startServices();
            if (demo) {
                new DemoLoader("http://127.0.0.1:" + ports.get("portal")).load();
            }
        } catch (RuntimeException e) {
            LOG.error("Start failed: {}", e.getMessage());
            System.exit(1);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("""

                ==================================================================
                 Regional programme coordination platform is ready (%d s)

                   Open:     http://localhost:%d/
                   API:      http://localhost:%d/api/...   (gateway to every service)
                   Sign in:  saxion-staff / demo-only-password (demo users: docs/identity.md)
                   Logs:     %s
                   Data:     %s   (kept between runs; ./platform reset wipes it)

                 Stop with Ctrl-C, or ./platform down from another terminal.
                ==================================================================
                %n""", seconds, ports.get("portal"), ports.get("portal"), home.resolve("logs"), home);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startInfrastructure() {
        mariaDb = new EmbeddedMariaDb(ports.get("mariadb"), home.resolve("mariadb"));
        kafka = new EmbeddedKafka(ports.get("kafka"), ports.get("kafka-controller"), home.resolve("kafka"),
                System.getProperty("java.class.path"));
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> {
            mariaDb.start();
            ServiceLaunch.all(projectRoot).forEach(service -> mariaDb.createSchema(service.name()));
        });
        kafka.start();
        kafka.createTopics("");
        database.join();
    }

    private void startServices() {
        Path keyFile = home.resolve("dev-signing-key.json");
        SigningKey.loadOrCreate(keyFile);
        String jwks = "http://127.0.0.1:" + ports.get("portal") + "/.well-known/jwks.json";
        Map<String, JavaProcess> started = new LinkedHashMap<>();
        Map<ServiceLaunch, Map<String, String>> environments = new LinkedHashMap<>();
        for (ServiceLaunch service : ServiceLaunch.all(projectRoot)) {
            Map<String, String> env = new HashMap<>();
            env.put("SERVER_PORT", Integer.toString(ports.get(service.name())));
            env.put("DB_URL", mariaDb.jdbcUrl(service.name()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("JWKS_URL", jwks);
            env.put("ENDED_SESSIONS_URL", "http://127.0.0.1:" + ports.get("portal") + "/.well-known/ended-sessions");
            env.put("PORTAL_SIGNING_KEY_FILE", keyFile.toString());
            env.put("ANNOUNCEMENTS_URL", "http://127.0.0.1:" + ports.get("announcements"));
            env.put("CONSULTATIONS_URL", "http://127.0.0.1:" + ports.get("consultations"));
            env.put("STEERING_URL", "http://127.0.0.1:" + ports.get("steering"));
            env.put("OVERVIEW_URL", "http://127.0.0.1:" + ports.get("overview"));
            env.put("MICRONAUT_ENVIRONMENTS", "local");
            environments.put(service, env);
            started.put(service.name(), launch(service, env));
        }
        List<CompletableFuture<Void>> health = started.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> awaitHealthy(e.getKey(), e.getValue()))).toList();
        CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
        environments.forEach((service, env) -> watch(service, env, started.get(service.name())));
        watch("MariaDB", mariaDb::onExit, mariaDb::start);
        watch("Kafka", kafka::onExit, kafka::start);
    }

    private synchronized JavaProcess launch(ServiceLaunch service, Map<String, String> env) {
        JavaProcess process = service.start(env, home.resolve("logs").resolve(service.name() + ".log"));
        services.add(process);
        return process;
    }

    private void awaitHealthy(String service, JavaProcess process) {
        HealthProbe.awaitHealthy(service, ports.get(service), process, Duration.ofSeconds(120));
        LOG.info("{} is healthy on port {}", service, ports.get(service));
    }

    /**
     * Starts a service again when it stops by itself (a crash, an out-of-memory kill), as a process supervisor would:
     * the pages say a service is away meanwhile, and nothing is lost (commands wait for it, events on their topics).
     */
    private void watch(ServiceLaunch service, Map<String, String> env, JavaProcess process) {
        process.onExit().thenAcceptAsync(code -> {
            JavaProcess again;
            synchronized (this) {
                services.remove(process);
                if (stopping) {
                    return;
                }
                if (!restarts.stoppedAt(service.name(), java.time.Instant.now())) {
                    LOG.error("{} stopped again (exit code {}); it is left stopped, as it stopped more than three times in five minutes. "
                            + "Its log: {}. Mend it, then ./platform down and ./platform up.", service.name(), code, process.log());
                    return;
                }
                LOG.warn("{} stopped (exit code {}); starting it again. Its log: {}", service.name(), code, process.log());
                again = launch(service, env);
            }
            try {
                awaitHealthy(service.name(), again);
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.error("{} did not become healthy again: {}", service.name(), e.getMessage());
                }
            }
            watch(service, env, again);
        });
    }

    /**
     * Starts MariaDB or Kafka again when it stops by itself, as for a service. The services wait for it meanwhile:
     * requests that need the database are 503s that say so, consumers read their polls again rather than park them, and
     * the outboxes keep what was recorded until the broker takes it.
     */
    private void watch(String name, java.util.function.Supplier<CompletableFuture<String>> exit, Runnable start) {
        exit.get().thenAcceptAsync(how -> {
            synchronized (this) {
                if (stopping) {
                    return;
                }
                if (!restarts.stoppedAt(name, java.time.Instant.now())) {
                    LOG.error("{} stopped again ({}); it is left stopped, as it stopped more than three times in five minutes. "
                            + "Its log is in {}. Mend it, then ./platform down and ./platform up.", name, how, home);
                    return;
                }
                LOG.warn("{} stopped ({}); starting it again", name, how);
                try {
                    // Within the lock, so that ./platform down stops what this starts.
                    start.run();
                } catch (RuntimeException e) {
                    LOG.error("{} did not start again: {}. ./platform down and ./platform up.", name, e.getMessage());
                    return;
                }
            }
            watch(name, exit, start);
        });
    }

    private synchronized void stopAll() {
        stopping = true;
        LOG.info("Stopping services, Kafka and MariaDB");
        List.copyOf(services).parallelStream().forEach(process -> process.stop(Duration.ofSeconds(15)));
        services.clear();
        if (kafka != null) {
            kafka.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    void down() {
        Path pidFile = home.resolve("platform.pid");
        Optional<ProcessHandle> running = runningInstance(pidFile);
        if (running.isEmpty()) {
            System.out.println("The platform is not running.");
            return;
        }
        running.get().destroy();
        running.get().onExit().orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).join();
        System.out.println("Stopped.");
    }

    void reset() {
        down();
        deleteRecursively(home);
        System.out.println("Removed " + home + ". The next ./platform up starts from empty data.");
    }

    void status() {
        Optional<ProcessHandle> running = runningInstance(home.resolve("platform.pid"));
        System.out.println(running.map(p -> "Running (pid " + p.pid() + ")").orElse("Not running"));
        for (ServiceLaunch service : ServiceLaunch.all(projectRoot)) {
            int port = ports.get(service.name());
            System.out.printf("  %-14s %5d  %s%n", service.name(), port, HealthProbe.isHealthy(port) ? "healthy" : "down");
        }
    }

    /** Prints a development token signed with the local key; only the local runtime trusts it. */
    void token(String[] args) {
        if (args.length < 3) {
            System.err.println("Usage: ./platform token <user> <organisation> <ROLE> [ROLE...]   e.g. saxion-staff saxion INSTITUTION_STAFF");
            System.exit(2);
        }
        SigningKey key = SigningKey.loadOrCreate(home.resolve("dev-signing-key.json"));
        System.out.println(key.mint(args[0], args[0], args[1], List.of(Arrays.copyOfRange(args, 2, args.length)),
                Duration.ofHours(8)));
    }

    /** Lists the records parked on the dead-letter topics, with the error that parked each. */
    void parked(String[] args) {
        List<String> topics = args.length > 0 ? List.of(args)
                : nl.programmes.events.Topics.ALL.stream().map(nl.programmes.events.Topics.TopicSpec::name).toList();
        for (String topic : topics) {
            ParkedRecords.print("127.0.0.1:" + ports.get("kafka"), topic, System.out);
        }
    }

    private static Optional<ProcessHandle> runningInstance(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the pid file is advisory
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
