package nl.programmes.announcements;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Topics;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay marks rows sent on a thread of its own while it already reads and sends the next ones. Under a
 * burst of concurrent commands that overlap is constant: every event must still reach Kafka exactly once, and
 * every row must end up marked sent. (Order per announcement is the outage test's subject; concurrent commands
 * about different announcements have no order to keep.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayBurstTest implements TestPropertyProvider {

    private static final int COMMANDS = 120;

    private final TestPlatform platform = TestPlatform.get();
    private final ServiceUnderTest announcements = platform.service("announcements");
    private final String saxionStaff = platform.tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties();
    }

    @Test
    void aBurstOfCommandsIsPublishedExactlyOnceAndMarkedSent() {
        String topic = announcements.topic(Topics.PROGRAMME_ANNOUNCEMENTS);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> accepted = IntStream.range(0, COMMANDS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> announce("BURST-%03d".formatted(i)), senders))
                    .toList();
            List<String> ids = accepted.stream().map(CompletableFuture::join).toList();

            List<EventProbe.Published> published = EventProbe.awaitAtLeast(platform.bootstrapServers(), topic, COMMANDS);
            TestPlatform.eventually().until(() -> announcements.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") == 0);

            Map<String, Long> copies = EventProbe.readAll(platform.bootstrapServers(), topic).stream()
                    .collect(Collectors.groupingBy(p -> p.event().id(), Collectors.counting()));
            assertThat(copies).hasSize(COMMANDS).allSatisfy((id, count) -> assertThat(count).as("copies of " + id).isEqualTo(1));
            assertThat(published.stream().map(EventProbe.Published::key).toList()).containsAll(ids);
        } finally {
            senders.shutdownNow();
        }
    }

    private String announce(String reference) {
        HttpResponse<Map> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/announcements", smartMediaProduction(reference)).bearerAuth(saxionStaff), Map.class);
        return (String) response.body().get("id");
    }
}
