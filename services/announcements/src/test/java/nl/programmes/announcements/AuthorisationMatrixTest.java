package nl.programmes.announcements;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import nl.programmes.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint of the announcements service against every kind of caller: the announcing
 * institution's staff and admins may, others may not. A denial answers 401 or 403 and leaves no row
 * and no event behind.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest implements TestPropertyProvider {

    private static final List<String> TABLES = List.of("announcement", "announcement_history", "offering",
            "offering_intake", "outbox");

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final TestTokens tokens = TestPlatform.get().tokens();
    private final String saxionStaff = tokens.mint("saxion-staff", "saxion", "INSTITUTION_STAFF");
    private final AtomicInteger references = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties();
    }

    record Caller(String name, String token, int expected) {
    }

    record Endpoint(String name, Function<String, MutableHttpRequest<?>> request) {
    }

    List<Caller> callers() {
        return List.of(
                new Caller("saxion staff", saxionStaff, 2),
                new Caller("admin", tokens.mint("admin", "platform", "ADMIN"), 2),
                new Caller("staff of another institution", tokens.mint("han-staff", "han", "INSTITUTION_STAFF"), 403),
                new Caller("saxion consultee", tokens.mint("saxion-adviser", "saxion", "CONSULTEE"), 403),
                new Caller("steering member", tokens.mint("stuurgroep-member", "stuurgroep-ad-ci", "STEERING_MEMBER"), 403),
                new Caller("token without organisation", tokens.mint("nobody", null, "INSTITUTION_STAFF"), 403),
                new Caller("expired token", tokens.expired("saxion-staff", "saxion", "INSTITUTION_STAFF"), 401),
                new Caller("no token", null, 401));
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("announce", token -> HttpRequest.POST("/api/announcements", smartMediaProduction(reference()))),
                new Endpoint("amend", token -> HttpRequest.PATCH("/api/announcements/" + announcement(),
                        Map.of("summary", "changed")).header("If-Match", "\"1\"")),
                new Endpoint("withdraw", token -> HttpRequest.POST("/api/announcements/" + announcement() + "/withdrawal",
                        Map.of("reason", "changed plans"))),
                new Endpoint("submit application", token -> HttpRequest.POST("/api/announcements/" + announcement()
                        + "/application", Map.of("submittedOn", "2025-03-26", "locations", List.of("Enschede"),
                        "forms", List.of("VOLTIJD")))),
                new Endpoint("record review outcome", token -> HttpRequest.POST("/api/announcements/"
                        + submittedAnnouncement() + "/review-outcome", Map.of("advice", "POSITIVE",
                        "decision", "APPROVED", "decisionDate", "2025-07-15"))),
                new Endpoint("register offering", token -> HttpRequest.POST("/api/offerings", Map.of("institution", "saxion",
                        "programmeName", "Ad Creative Media " + reference(), "level", "ASSOCIATE_DEGREE", "form", "VOLTIJD",
                        "location", "Enschede"))),
                new Endpoint("report intake", token -> HttpRequest.POST("/api/offerings/" + offering() + "/intake",
                        Map.of("studyYear", 2023, "intake", "<5"))));
    }

    @TestFactory
    List<DynamicTest> everyCommandEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : callers()) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " by " + caller.name(), () -> {
                    MutableHttpRequest<?> request = endpoint.request().apply(caller.token());
                    Map<String, Long> before = counts();
                    int status = send(caller.token() == null ? request : request.bearerAuth(caller.token()));
                    if (caller.expected() == 2) {
                        assertThat(status / 100).as("status").isEqualTo(2);
                    } else {
                        assertThat(status).isEqualTo(caller.expected());
                        assertThat(counts()).as("rows and events after a denial").isEqualTo(before);
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void importByAnotherInstitutionRejectsEveryRowAndWritesNothing() {
        Map<String, Long> before = counts();
        Map<?, ?> report = http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/import",
                        "institution,programme,form,location,2023\nsaxion,Ad Test,voltijd,Enschede,12\n")
                .contentType(MediaType.of("text/csv")).bearerAuth(tokens.mint("han-staff", "han", "INSTITUTION_STAFF")), Map.class);
        assertThat(report.get("rowsAccepted")).isEqualTo(0);
        assertThat(report.get("rowsRejected")).isEqualTo(1);
        assertThat(counts()).isEqualTo(before);
    }

    private int send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Map.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private String reference() {
        return "M-" + references.incrementAndGet();
    }

    private String announcement() {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/announcements",
                smartMediaProduction(reference())).bearerAuth(saxionStaff), Map.class).get("id");
    }

    private String submittedAnnouncement() {
        String id = announcement();
        http.toBlocking().exchange(HttpRequest.POST("/api/announcements/" + id + "/application",
                Map.of("submittedOn", "2025-03-26", "locations", List.of("Enschede"), "forms", List.of("VOLTIJD")))
                .bearerAuth(saxionStaff), Map.class);
        return id;
    }

    private String offering() {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/offerings", Map.of("institution", "saxion",
                "programmeName", "Ad " + reference(), "level", "ASSOCIATE_DEGREE", "form", "VOLTIJD"))
                .bearerAuth(saxionStaff), Map.class).get("id");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        TABLES.forEach(table -> counts.put(table, announcements.count("SELECT COUNT(*) FROM " + table)));
        counts.put("versions", announcements.count("SELECT COALESCE(SUM(version), 0) FROM announcement"));
        return counts;
    }
}
