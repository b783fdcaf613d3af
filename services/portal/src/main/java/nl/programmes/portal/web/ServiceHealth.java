package nl.programmes.portal.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.programmes.portal.gateway.GatewayRoutes;
import nl.programmes.portal.gateway.ServiceOutage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Each service behind the gateway as its own {@code /health} tells it, for the status page: an operator sees at once
 * which service is away (and, for one that answers but is not well, which of its parts: its database, its broker),
 * also when the overview, whose status the rest of that page shows, is the one away. Asked at once of every service,
 * each for at most {@link #WITHIN}.
 */
@Singleton
public class ServiceHealth {

    static final Duration WITHIN = Duration.ofSeconds(2);

    /**
     * @param name     the service's own name (its {@code /health} says it), else the paths it owns
     * @param address  where the gateway sends its paths
     * @param state    {@code UP}, {@code DOWN} (it answers, but a part of it is down), {@code UNREACHABLE}, {@code NO_ANSWER}
     * @param down     for {@code DOWN}: the parts that are down ({@code jdbc}, {@code kafka}, …)
     */
    public record Service(String name, String address, String state, List<String> down) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WITHIN).build();
    private final GatewayRoutes routes;
    private final JsonMapper json;

    public ServiceHealth(GatewayRoutes routes, JsonMapper json) {
        this.routes = routes;
        this.json = json;
    }

    /** Every service once, however many paths it owns, by address. */
    public List<Service> check() {
        Map<String, List<String>> pathsByAddress = new TreeMap<>();
        routes.getRoutes().forEach((segment, address) -> pathsByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add("/api/" + segment));
        List<CompletableFuture<Service>> asked = pathsByAddress.entrySet().stream().map(e -> {
            String paths = String.join(", ", e.getValue().stream().sorted().toList());
            HttpRequest request = HttpRequest.newBuilder(URI.create(e.getKey()).resolve("/health")).timeout(WITHIN).GET().build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, error) -> error != null ? failed(paths, e.getKey(), error)
                            : answered(paths, e.getKey(), response.statusCode(), response.body(), json));
        }).toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    /** No answer came: told apart as the gateway and the pages tell it ({@link ServiceOutage#of}). */
    private static Service failed(String paths, String address, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean unreachable = ServiceOutage.of(paths, false, cause).status() == io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE;
        return new Service(paths, address, unreachable ? "UNREACHABLE" : "NO_ANSWER", List.of());
    }

    /** What a service's {@code /health} answered, read: its name, and which of its parts are not up. */
    static Service answered(String paths, String address, int status, byte[] body, JsonMapper json) {
        Map<String, Object> health;
        try {
            health = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            health = Map.of(); // not the health endpoint's answer: down, by its status
        }
        String name = health.get("name") instanceof String n ? n : paths;
        List<String> down = new ArrayList<>();
        if (health.get("details") instanceof Map<?, ?> details) {
            details.forEach((part, detail) -> {
                if (detail instanceof Map<?, ?> d && !"UP".equals(d.get("status"))) {
                    down.add(String.valueOf(part));
                }
            });
        }
        return new Service(name, address, status == 200 && "UP".equals(health.get("status")) ? "UP" : "DOWN", down);
    }
}
