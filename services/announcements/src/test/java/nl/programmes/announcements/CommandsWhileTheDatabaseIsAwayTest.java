package nl.programmes.announcements;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TcpLink;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command or a read that meets the service's database away (a restart, a failover) is a 503 that says so and when to
 * try again, not the generic 500; sent again with its Idempotency-Key once the database answers, the command is
 * recorded once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsWhileTheDatabaseIsAwayTest implements TestPropertyProvider {

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final TcpLink database = new TcpLink(TestPlatform.get().databasePort());
    private final String saxionStaff = "Bearer " + TestPlatform.get().tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties(database);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void aRequestThatMeetsTheDatabaseAwayIsA503AndTheCommandSentAgainIsRecordedOnce() throws Exception {
        String reference = "DB-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        database.cut();

        HttpResponse<String> refused = announce(reference, key);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(refused.body()).contains("The service for announcements cannot reach its database just now, so this was not done.")
                .contains("the same Idempotency-Key");
        HttpResponse<String> read = send(HttpRequest.newBuilder(server.getURI().resolve("/api/announcements"))
                .header("Authorization", saxionStaff).GET());
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.body()).contains("\"detail\":\"The service for announcements cannot reach its database just now. Try again in a minute.\"");

        database.mend();
        HttpResponse<String> recorded = TestPlatform.eventually().until(() -> announce(reference, key), answer -> answer.statusCode() == 201);
        assertThat(announce(reference, key).body()).isEqualTo(recorded.body());
        assertThat(announcements.count("SELECT COUNT(*) FROM announcement WHERE reference = '" + reference + "'")).isEqualTo(1);
    }

    private HttpResponse<String> announce(String reference, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.getURI().resolve("/api/announcements"))
                .header("Authorization", saxionStaff).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ObjectMapper.getDefault().writeValueAsString(smartMediaProduction(reference)))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
