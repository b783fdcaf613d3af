package nl.programmes.steering;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.Topics;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import nl.programmes.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both command endpoints of the steering service against every kind of caller: only members decide. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringAuthorisationMatrixTest implements TestPropertyProvider {

    private static final String COMMITTEE = "stuurgroep-ad-ci";

    private final ServiceUnderTest steering = TestPlatform.get().service("steering");
    private final EventPublisher publisher = new EventPublisher(steering);
    private final TestTokens tokens = TestPlatform.get().tokens();
    private final String announcement = UUID.randomUUID().toString();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return steering.properties();
    }

    @BeforeAll
    void committeesAndAnnouncement() {
        Actor admin = new Actor("admin", "Admin", "platform");
        for (String committee : List.of(COMMITTEE, "bestuurlijk-overleg-oost")) {
            publisher.publish(new OrganisationRegistered(committee, committee, OrganisationKind.STEERING_COMMITTEE, null, null,
                    List.of(), null, admin));
        }
        publisher.publish(new ProgrammeAnnounced(announcement, "A24-056", "saxion", new Programme("Smart Media Production",
                ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null, List.of(ProgrammeForm.VOLTIJD), "nl", 120,
                BigDecimal.valueOf(2), null, null), List.of("Enschede"), "2030-09", null, null, null, admin));
        for (String topic : List.of(Topics.ORGANISATIONS, Topics.PROGRAMME_ANNOUNCEMENTS)) {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), steering.topicPrefix() + "steering", steering.topic(topic));
        }
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @TestFactory
    List<DynamicTest> everyCommandForEveryCaller() {
        Map<String, Object[]> callers = new java.util.LinkedHashMap<>();
        callers.put("member of the committee", new Object[]{tokens.mint("secretary", COMMITTEE, "STEERING_MEMBER"), 201});
        callers.put("member of another committee", new Object[]{tokens.mint("other", "bestuurlijk-overleg-oost", "STEERING_MEMBER"), 403});
        callers.put("institution staff", new Object[]{tokens.mint("saxion-staff", "saxion", "INSTITUTION_STAFF"), 403});
        callers.put("admin", new Object[]{tokens.mint("admin", "platform", "ADMIN"), 403});
        callers.put("member role without organisation", new Object[]{tokens.mint("nobody", null, "STEERING_MEMBER"), 403});
        callers.put("expired token", new Object[]{tokens.expired("secretary", COMMITTEE, "STEERING_MEMBER"), 401});
        callers.put("no token", new Object[]{null, 401});
        List<DynamicTest> tests = new ArrayList<>();
        callers.forEach((name, caller) -> {
            tests.add(check("record a decision by " + name, (String) caller[0], (int) caller[1], HttpRequest.POST(
                    "/api/steering-decisions", Map.of("committee", COMMITTEE, "announcementId", announcement,
                            "meetingDate", "2024-09-12", "decision", "NOTED"))));
            tests.add(check("record a meeting by " + name, (String) caller[0], (int) caller[1], HttpRequest.POST(
                    "/api/steering-meetings", Map.of("committee", COMMITTEE, "meetingDate", "2024-09-12",
                            "agenda", List.of(announcement), "minutes", "Noted."))));
        });
        return tests;
    }

    private DynamicTest check(String name, String token, int expected, MutableHttpRequest<?> request) {
        return DynamicTest.dynamicTest(name, () -> {
            long outbox = steering.count("SELECT COUNT(*) FROM outbox");
            long decisions = steering.count("SELECT COUNT(*) FROM steering_decision");
            long meetings = steering.count("SELECT COUNT(*) FROM steering_meeting");
            int status;
            try {
                MutableHttpRequest<?> sent = token == null ? request : request.bearerAuth(token);
                status = http.toBlocking().exchange(sent, Map.class).code();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
            assertThat(status).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(steering.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
                assertThat(steering.count("SELECT COUNT(*) FROM steering_decision")).isEqualTo(decisions);
                assertThat(steering.count("SELECT COUNT(*) FROM steering_meeting")).isEqualTo(meetings);
            }
        });
    }
}
