package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.LoggedLines;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TcpLink;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static nl.programmes.overview.AnnouncementOverviewTest.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview loses its database while events arrive (a restart, a failover): the poll waits and is applied once the
 * database answers again, nothing parked: parked, they would be missing from the overview until an operator replayed
 * every one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewSurvivesDatabaseOutageTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final TcpLink database = new TcpLink(TestPlatform.get().databasePort());
    private final String reader = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties(database);
    }

    @AfterAll
    void close() {
        publisher.close();
        database.close();
    }

    @Test
    void eventsThatArriveWhileTheDatabaseIsAwayAreAppliedWhenItIsBackAndNotParked() throws InterruptedException {
        try (LoggedLines said = LoggedLines.of(InboundEvents.class)) {
            CloudEvent before = publisher.publish(smartMediaProduction(UUID.randomUUID().toString()));
            TestPlatform.eventually().until(() -> applied(before));

            database.cut();
            String during = UUID.randomUUID().toString();
            CloudEvent announced = publisher.publish(smartMediaProduction(during));
            // The poll failed: records of a poll that fails for another reason are tried one by one, three times each, and parked.
            TestPlatform.eventually().until(() -> said.any("The database is not reachable")
                    || said.any(announced.id() + " failed (attempt 3 of 3)"));
            Thread.sleep(2_000); // past the pause after a third try, while the database is still away
            database.mend();

            TestPlatform.eventually().until(() -> applied(announced));
            Map<?, ?> shown = TestPlatform.eventually().until(() -> http.toBlocking().retrieve(
                    HttpRequest.GET("/api/overview/announcements/" + during).bearerAuth(reader), Map.class), body -> body != null);
            assertThat(shown.get("reference")).isEqualTo("A24-056");
            assertThat(EventProbe.readAllRaw(TestPlatform.get().bootstrapServers(),
                    overview.topic(Topics.deadLetter(Topics.PROGRAMME_ANNOUNCEMENTS)))).noneMatch(parked -> during.equals(parked.key()));
        }
    }

    private boolean applied(CloudEvent event) {
        return overview.count("SELECT COUNT(*) FROM timeline_entry WHERE event_id = '" + event.id() + "'") == 1;
    }
}
