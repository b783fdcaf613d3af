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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's promise: a broker outage delays events, it never loses or duplicates one. Commands are
 * accepted while the broker is down; when it returns every event arrives exactly once, and each
 * partition holds its events in the order the commands were accepted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxSurvivesBrokerOutageTest implements TestPropertyProvider {

    private static final int COMMANDS_DURING_OUTAGE = 30;

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

    @AfterAll
    void brokerIsBackForOtherTests() {
        platform.startBroker();
    }

    @Test
    void commandsAcceptedWhileTheBrokerIsDownArriveExactlyOnceInOrder() {
        String topic = announcements.topic(Topics.PROGRAMME_ANNOUNCEMENTS);
        // One event before the outage proves the relay's producer was connected when the broker went away.
        announce("OUT-000");
        EventProbe.awaitAtLeast(platform.bootstrapServers(), topic, 1);

        platform.stopBroker();
        List<String> acceptedIds = new ArrayList<>();
        for (int i = 1; i <= COMMANDS_DURING_OUTAGE; i++) {
            acceptedIds.add(announce("OUT-%03d".formatted(i)));
        }
        assertThat(unsentOutboxRows()).isEqualTo(COMMANDS_DURING_OUTAGE);
        // The restart takes seconds; the relay keeps trying the dead broker all the while.
        platform.startBroker();

        List<EventProbe.Published> published = EventProbe.awaitAtLeast(platform.bootstrapServers(), topic,
                COMMANDS_DURING_OUTAGE + 1);
        TestPlatform.eventually().until(() -> unsentOutboxRows() == 0);

        Map<String, Long> copiesPerEvent = EventProbe.readAll(platform.bootstrapServers(), topic).stream()
                .collect(Collectors.groupingBy(p -> p.event().id(), Collectors.counting()));
        assertThat(copiesPerEvent).hasSize(COMMANDS_DURING_OUTAGE + 1).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(published.stream().map(EventProbe.Published::key).toList()).containsAll(acceptedIds);

        // Within each partition, events follow the order in which the outbox recorded them.
        Map<String, Long> outboxOrder = outboxSeqByEventId();
        Map<Integer, List<EventProbe.Published>> byPartition = published.stream()
                .collect(Collectors.groupingBy(EventProbe.Published::partition));
        byPartition.values().forEach(records -> assertThat(records)
                .isSortedAccordingTo(Comparator.comparing(p -> outboxOrder.get(p.event().id()))));
    }

    private String announce(String reference) {
        HttpResponse<Map> response = http.toBlocking().exchange(
                HttpRequest.POST("/api/announcements", smartMediaProduction(reference)).bearerAuth(saxionStaff), Map.class);
        return (String) response.body().get("id");
    }

    private long unsentOutboxRows() {
        return announcements.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
    }

    private Map<String, Long> outboxSeqByEventId() {
        try (Connection connection = platform.connect(announcements.schema());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT event_id, seq FROM outbox")) {
            Map<String, Long> order = new java.util.HashMap<>();
            while (rs.next()) {
                order.put(rs.getString(1), rs.getLong(2));
            }
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
