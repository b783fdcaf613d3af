package nl.programmes.testkit;

import nl.programmes.runtime.HealthProbe;
import nl.programmes.runtime.JavaProcess;
import nl.programmes.runtime.Ports;
import nl.programmes.runtime.ServiceLaunch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A service running in its own JVM from its build output, pointed at the test platform: the way
 * end-to-end tests run several services together, as the local runtime does.
 */
public final class RunningService implements AutoCloseable {

    private final JavaProcess process;
    private final int port;

    private RunningService(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service and waits until it is healthy. */
    public static RunningService start(ServiceUnderTest slice, Path projectRoot) {
        return start(slice, projectRoot, Ports.free(), Map.of());
    }

    /** Starts the service on the given port with extra environment (routes, JWKS, environments). */
    public static RunningService start(ServiceUnderTest slice, Path projectRoot, int port, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DB_URL", slice.platform().jdbcUrl(slice.schema()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", slice.platform().bootstrapServers());
        env.put("TOPIC_PREFIX", slice.topicPrefix());
        env.put("JWKS_URL", slice.platform().tokens().jwksUrl());
        env.put("ENDED_SESSIONS_URL", ""); // read from a portal only where one runs beside (extraEnv says where)
        env.putAll(extraEnv);
        ServiceLaunch launch = ServiceLaunch.of(projectRoot, slice.name());
        Path log = projectRoot.resolve("infra/platform-tests/target/service-logs")
                .resolve(slice.topicPrefix() + slice.name() + ".log");
        JavaProcess process = launch.start(env, log);
        // A run stopped from outside (Ctrl-C, kill) skips its finally blocks: the service goes down with this JVM, not
        // on running for hours against a broker that has gone (a killed benchmark left two behind in session 16).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                process.kill();
            }
        }, "stop-" + slice.name()));
        HealthProbe.awaitHealthy(slice.name(), port, process, Duration.ofSeconds(120));
        return new RunningService(process, port);
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }
}
