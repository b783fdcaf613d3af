package nl.programmes.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import nl.programmes.runtime.DemoLoader;
import nl.programmes.runtime.Ports;
import nl.programmes.testkit.RunningService;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every service in its own JVM on the test kit's broker and database, wired as the local runtime wires
 * them (portal gateway, JWKS, demo identities), so a test talks to the platform the way users do.
 */
public final class AllServices implements AutoCloseable {

    static final List<String> SERVICES = List.of("portal", "announcements", "consultations", "steering", "overview");

    private final Map<String, RunningService> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ServiceUnderTest> slices;
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, String> env;
    private final Path root;
    private final String portal;

    private AllServices(Map<String, String> extraEnv) {
        root = Path.of(System.getProperty("platform.root"));
        slices = TestPlatform.get().services(SERVICES.toArray(String[]::new));
        SERVICES.forEach(s -> ports.put(s, Ports.free()));
        env = new HashMap<>(extraEnv);
        env.put("JWKS_URL", "http://127.0.0.1:" + ports.get("portal") + "/.well-known/jwks.json");
        env.put("ENDED_SESSIONS_URL", "http://127.0.0.1:" + ports.get("portal") + "/.well-known/ended-sessions");
        env.put("MICRONAUT_ENVIRONMENTS", "local");
        env.put("ANNOUNCEMENTS_URL", "http://127.0.0.1:" + ports.get("announcements"));
        env.put("CONSULTATIONS_URL", "http://127.0.0.1:" + ports.get("consultations"));
        env.put("STEERING_URL", "http://127.0.0.1:" + ports.get("steering"));
        env.put("OVERVIEW_URL", "http://127.0.0.1:" + ports.get("overview"));
        List<CompletableFuture<Void>> starting = SERVICES.stream().map(s -> CompletableFuture.runAsync(() -> startService(s))).toList();
        starting.forEach(CompletableFuture::join);
        portal = "http://127.0.0.1:" + ports.get("portal");
    }

    public static AllServices start() {
        return new AllServices(Map.of());
    }

    public static AllServices start(Map<String, String> extraEnv) {
        return new AllServices(extraEnv);
    }

    /** Starts a service (again) on its own port, and waits until it is healthy. */
    public void startService(String service) {
        running.put(service, RunningService.start(slices.get(service), root, ports.get(service), env));
    }

    /** Stops a service, as a crash or a deployment would take it away; {@link #startService(String)} brings it back. */
    public void stopService(String service) {
        RunningService stopped = running.remove(service);
        if (stopped != null) {
            stopped.close();
        }
    }

    /** Signs a demo user in through the portal's API and returns the bearer token. */
    public String token(String demoUser) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + "/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + demoUser + "\",\"password\":\"" + DemoLoader.DEMO_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Sign-in as " + demoUser + " answered " + response.statusCode() + ": " + response.body());
            }
            return (String) ObjectMapper.getDefault().readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The portal's base URL: pages and the /api gateway. */
    public String portal() {
        return portal;
    }

    /** One service's schema and topics, for a test that writes to them directly. */
    public ServiceUnderTest slice(String service) {
        return slices.get(service);
    }

    @Override
    public void close() {
        running.values().forEach(RunningService::close);
    }
}
