package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A deployment may open the overview for reading without sign-in; the status page stays closed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReadTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(overview.properties());
        properties.put("platform.overview.public-read", "true");
        return properties;
    }

    @Test
    void overviewAndTimelineAreReadableWithoutSignInButStatusIsNot() {
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions"), Map.class)).containsKey("regions");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline"), Map.class)).containsKey("entries");
        HttpClientResponseException closed = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/overview/status"), Map.class));
        assertThat(closed.getStatus().getCode()).isEqualTo(401);
    }
}
