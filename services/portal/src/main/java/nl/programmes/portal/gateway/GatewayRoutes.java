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
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        String rest = path.substring("/api/".length());
        int end = rest.indexOf('/');
        String segment = end < 0 ? rest : rest.substring(0, end);
        int dot = segment.indexOf('.');
        return Optional.ofNullable(routes.get(dot < 0 ? segment : segment.substring(0, dot))).map(URI::create);
    }
}
