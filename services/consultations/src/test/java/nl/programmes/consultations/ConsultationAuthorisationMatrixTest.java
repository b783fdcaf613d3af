package nl.programmes.consultations;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both command endpoints of the consultations service against every kind of caller. Only the
 * announcing institution (or an admin) requests; only the consulted organisation answers, admins
 * included in "not the consulted organisation". A denial writes no row and no event.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationAuthorisationMatrixTest implements TestPropertyProvider {

    private final ServiceUnderTest consultations = TestPlatform.get().service("consultations");
    private final EventPublisher publisher = new EventPublisher(consultations);
    private final TestTokens tokens = TestPlatform.get().tokens();
    private final String saxionStaff = tokens.mint("saxion-staff", "saxion", "INSTITUTION_STAFF");
    private String announcement;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return consultations.properties();
    }

    @BeforeAll
    void announcementAndDirectory() {
        for (String org : List.of("saxion", "han", "hu")) {
            publisher.publish(new OrganisationRegistered(org, org.toUpperCase(), OrganisationKind.HBO_INSTITUTION, null, null,
                    List.of(), null, new Actor("admin", "Admin", "platform")));
        }
        announcement = UUID.randomUUID().toString();
        publisher.publish(SaxionConsultationsTest.smartMediaProduction(announcement));
        for (String topic : List.of(Topics.ORGANISATIONS, Topics.PROGRAMME_ANNOUNCEMENTS)) {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), consultations.topicPrefix() + "consultations",
                    consultations.topic(topic));
        }
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    record Caller(String name, String token, int request, int answer) {
    }

    @TestFactory
    List<DynamicTest> everyCommandForEveryCaller() {
        List<Caller> callers = List.of(
                new Caller("saxion staff", saxionStaff, 201, 403),
                new Caller("admin", tokens.mint("admin", "platform", "ADMIN"), 201, 403),
                new Caller("HAN consultee (the consulted organisation)", tokens.mint("han-adviser", "han", "CONSULTEE"), 403, 200),
                new Caller("HU consultee", tokens.mint("hu-adviser", "hu", "CONSULTEE"), 403, 403),
                new Caller("HAN staff without the consultee role", tokens.mint("han-staff", "han", "INSTITUTION_STAFF"), 403, 403),
                new Caller("saxion consultee", tokens.mint("saxion-adviser", "saxion", "CONSULTEE"), 403, 403),
                new Caller("token without organisation", tokens.mint("nobody", null, "INSTITUTION_STAFF", "CONSULTEE"), 403, 403),
                new Caller("expired token", tokens.expired("saxion-staff", "saxion", "INSTITUTION_STAFF"), 401, 401),
                new Caller("no token", null, 401, 401));
        List<DynamicTest> tests = new ArrayList<>();
        for (Caller caller : callers) {
            tests.add(check("request a consultation by " + caller.name(), caller.token(), caller.request(),
                    () -> HttpRequest.POST("/api/consultations", Map.of("announcementId", announcement,
                            "consultedOrganisation", "han", "kind", "BILATERAL"))));
            tests.add(check("record positions by " + caller.name(), caller.token(), caller.answer(),
                    () -> HttpRequest.PUT("/api/consultations/" + consultationForHan() + "/positions", Map.of(
                            "meetingDate", "2024-11-12", "positions", List.of(Map.of("location", "Enschede", "position", "NO_OBJECTION"))))));
        }
        return tests;
    }

    private DynamicTest check(String name, String token, int expected, Supplier<MutableHttpRequest<?>> request) {
        return DynamicTest.dynamicTest(name, () -> {
            MutableHttpRequest<?> prepared = request.get();
            long outbox = consultations.count("SELECT COUNT(*) FROM outbox");
            long revisions = consultations.count("SELECT COUNT(*) FROM position_revision");
            long rows = consultations.count("SELECT COUNT(*) FROM consultation");
            int status;
            try {
                MutableHttpRequest<?> sent = token == null ? prepared : prepared.bearerAuth(token);
                status = http.toBlocking().exchange(sent, Map.class).code();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
            assertThat(status).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(consultations.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
                assertThat(consultations.count("SELECT COUNT(*) FROM position_revision")).isEqualTo(revisions);
                assertThat(consultations.count("SELECT COUNT(*) FROM consultation")).isEqualTo(rows);
            }
        });
    }

    private String consultationForHan() {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/consultations", Map.of("announcementId", announcement,
                "consultedOrganisation", "han", "kind", "BILATERAL")).bearerAuth(saxionStaff), Map.class).get("id");
    }
}
