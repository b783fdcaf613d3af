package nl.programmes.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TcpLink;
import nl.programmes.testkit.TestPlatform;
import nl.programmes.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own database away (a restart, a failover): signing in and the pages that read it say so in the page's
 * language, as HTML, and when to try again; the portal's API answers a problem as every service does. Before, a page
 * was the generic 500, and a browser showed it as raw JSON.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalDatabaseAwayTest implements TestPropertyProvider {


    private final ServiceUnderTest portal = TestPlatform.get().service("portal");
    private final TestTokens tokens = TestPlatform.get().tokens();
    private final TcpLink database = new TcpLink(TestPlatform.get().databasePort());
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(portal.properties(database));
        properties.put("platform.identity.bcrypt-cost", "4");
        properties.put("platform.identity.secure-cookie", "false");
        return properties;
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void signingInAndThePagesSayTheDatabaseIsAwayInThePagesLanguage() throws Exception {
        database.cut();

        HttpResponse<String> signIn = send(request("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=wrong")));
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(signIn.headers().firstValue("Retry-After")).contains("60");
        assertThat(signIn.body()).contains("De dienst voor het portaal kan zijn database nu niet bereiken, dus dit is niet gedaan.");

        // A page that reads the portal's own API: its 503 shown on the page, in English for an English reader.
        HttpResponse<String> directory = send(request("/organisations")
                .header("Cookie", "session=" + tokens.mint("admin", "platform", "ADMIN") + "; lang=en"));
        assertThat(directory.statusCode()).isEqualTo(503);
        assertThat(directory.body()).contains("The service for the portal cannot reach its database just now. Try again in a minute.");

        HttpResponse<String> api = send(request("/api/organisations").header("Authorization", "Bearer " + tokens.mint("admin", "platform", "ADMIN")));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.body()).contains("\"detail\":\"The service for portal cannot reach its database just now. Try again in a minute.\"");

        database.mend();
        TestPlatform.eventually().until(() -> send(request("/organisations")
                .header("Cookie", "session=" + tokens.mint("admin", "platform", "ADMIN"))).statusCode() == 200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.getURI().resolve(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
