package nl.programmes.portal.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which service owns which {@code /api/<segment>}: configured, so production can point elsewhere. */
@ConfigurationProperties("platform.gateway")
public class GatewayRoutes {

    private Map<String, String> routes = new HashMap<>();

    public Map<String, String> getRoutes() {
        return routes;
    }

    public void setRoutes(Map<String, String> routes) {
        this.routes = routes;
    }

    /**
     * The owning service's base URI for a request path such as {@code /api/announcements/42}. A segment's export
     * ({@code /api/timeline.csv}) belongs to the segment's service.
     */
    public Optional<URI> target(String path) {
        return segment(path).map(routes::get).map(URI::create);
    }

    /** The segment a request path such as {@code /api/timeline.csv?order=oldest} is routed by ({@code timeline}); none outside /api/. */
    public static Optional<String> segment(String path) {
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        String rest = path.substring("/api/".length());
        int end = rest.length();
        for (char stop : new char[]{'/', '.', '?'}) {
            int at = rest.indexOf(stop);
            end = at < 0 ? end : Math.min(end, at);
        }
        return Optional.of(rest.substring(0, end));
    }
}
