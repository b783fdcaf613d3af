package nl.programmes.portal.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutesTest {

    private final GatewayRoutes routes = new GatewayRoutes();

    GatewayRoutesTest() {
        routes.setRoutes(Map.of("timeline", "http://127.0.0.1:8084", "overview", "http://127.0.0.1:8084",
                "announcements", "http://127.0.0.1:8081"));
    }

    @Test
    void aPathGoesToTheServiceThatOwnsItsFirstSegment() {
        assertThat(routes.target("/api/announcements/42")).contains(URI.create("http://127.0.0.1:8081"));
        assertThat(routes.target("/api/timeline")).contains(URI.create("http://127.0.0.1:8084"));
        assertThat(routes.target("/api/overview/regions/Overijssel.csv")).contains(URI.create("http://127.0.0.1:8084"));
    }

    @Test
    void aSegmentsExportGoesToTheSameService() {
        assertThat(routes.target("/api/timeline.csv")).contains(URI.create("http://127.0.0.1:8084"));
    }

    @Test
    void pathsNoServiceOwnsStayWithThePortal() {
        assertThat(routes.target("/api/auth/token")).isEmpty();
        assertThat(routes.target("/timeline")).isEmpty();
        assertThat(routes.target("/api/unknown.csv")).isEmpty();
    }
}
