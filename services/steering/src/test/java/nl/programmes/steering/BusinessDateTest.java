package nl.programmes.steering;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.Topics;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.kit.config.BusinessCalendar;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * "Today" is the Dutch date. At 23:30 UTC on 15 January it is already the 16th in the Netherlands: a committee that met
 * that day records its meeting, while the 17th is still in the future.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessDateTest implements TestPropertyProvider {

    private static final String COMMITTEE = "stuurgroep-business-date";
    private static final Instant HALF_PAST_MIDNIGHT_IN_THE_NETHERLANDS = Instant.parse("2025-01-15T23:30:00Z");

    private final ServiceUnderTest steering = TestPlatform.get().service("steering");
    private final EventPublisher publisher = new EventPublisher(steering);
    private final String member = TestPlatform.get().tokens().mint("stuurgroep-secretary", COMMITTEE, "STEERING_MEMBER");

    @Inject
    @Client("/")
    HttpClient http;

    /** The platform's own clock, set back to that moment: its zone is the one the services run with. */
    @MockBean(Clock.class)
    Clock halfPastMidnight() {
        return Clock.offset(BusinessCalendar.clock(), Duration.between(Instant.now(), HALF_PAST_MIDNIGHT_IN_THE_NETHERLANDS));
    }

    @Override
    public Map<String, String> getProperties() {
        return steering.properties();
    }

    @BeforeAll
    void committee() {
        publisher.publish(new OrganisationRegistered(COMMITTEE, "Stuurgroep voor de datumgrens", OrganisationKind.STEERING_COMMITTEE,
                null, null, List.of(), null, new Actor("admin", "Administrator", "platform")));
        EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), steering.topicPrefix() + "steering", steering.topic(Topics.ORGANISATIONS));
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void aMeetingHeldTodayInTheNetherlandsIsNotInTheFuture() {
        Map<?, ?> meeting = holdMeeting("2025-01-16");
        assertThat(meeting.get("meetingDate")).isEqualTo("2025-01-16");

        long outbox = steering.count("SELECT COUNT(*) FROM outbox");
        HttpClientResponseException tomorrow = assertThrows(HttpClientResponseException.class, () -> holdMeeting("2025-01-17"));
        assertThat(tomorrow.getStatus().getCode()).isEqualTo(422);
        Map<?, ?> problem = tomorrow.getResponse().getBody(Map.class).orElseThrow();
        assertThat((List<?>) problem.get("errors")).singleElement()
                .isEqualTo(Map.of("field", "meetingDate", "message", "must not be in the future"));
        assertThat(steering.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
    }

    private Map<?, ?> holdMeeting(String date) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/steering-meetings", Map.of("committee", COMMITTEE,
                "meetingDate", date, "agenda", List.of(), "minutes", "Met until late.", "decisions", List.of()))
                .bearerAuth(member), Map.class);
    }
}
