package nl.programmes.consultations;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.Topics;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.announcement.ValueChange;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The demo case's consultations (demo-case.md, section 11 of the Saxion application): HAN and HU
 * bilaterally, and the two regional board meetings, with their positions per location.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaxionConsultationsTest implements TestPropertyProvider {

    private static final Actor ADMIN = new Actor("admin", "Administrator", "platform");
    private static final Actor SAXION = new Actor("saxion-staff", "Saxion programme manager", "saxion");

    private final ServiceUnderTest consultations = TestPlatform.get().service("consultations");
    private final EventPublisher publisher = new EventPublisher(consultations);
    private final String saxion = TestPlatform.get().tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF", "CONSULTEE");
    private final String han = TestPlatform.get().tokens().mint("han-adviser", "han", "CONSULTEE");
    private final String hu = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");
    private final String board = TestPlatform.get().tokens().mint("board-secretary", "bestuurlijk-overleg-oost", "STEERING_MEMBER");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return consultations.properties();
    }

    @BeforeAll
    void directory() {
        for (String[] org : new String[][]{{"saxion", "Saxion Hogeschool", "HBO_INSTITUTION"},
                {"han", "Hogeschool van Arnhem en Nijmegen", "HBO_INSTITUTION"}, {"hu", "Hogeschool Utrecht", "HBO_INSTITUTION"},
                {"bestuurlijk-overleg-oost", "Bestuurlijk overleg Oost", "STEERING_COMMITTEE"}}) {
            publisher.publish(new OrganisationRegistered(org[0], org[1], OrganisationKind.valueOf(org[2]), null, null,
                    List.of(), null, ADMIN));
        }
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoCaseConsultationsRecordPositionsPerLocation() {
        String announcement = announceSmartMediaProduction();

        String hanConsultation = request(announcement, "han", "BILATERAL");
        String huConsultation = request(announcement, "hu", "BILATERAL");
        String boardSeptember = request(announcement, "bestuurlijk-overleg-oost", "REGIONAL_BOARD");
        String boardDecember = request(announcement, "bestuurlijk-overleg-oost", "REGIONAL_BOARD");

        record(han, hanConsultation, "2024-11-12", "develop together to avoid overlap", List.of(
                position("Enschede", "NO_OBJECTION", false, true), position("Deventer", "NO_OBJECTION", false, false),
                position("Apeldoorn", "NO_OBJECTION", false, false)));
        record(hu, huConsultation, "2024-12-10", null, List.of(
                position("Enschede", "NO_OBJECTION", false, false), position("Deventer", "NO_OBJECTION", false, false),
                objection("Apeldoorn", true)));
        for (String[] meeting : new String[][]{{boardSeptember, "2024-09-16"}, {boardDecember, "2024-12-03"}}) {
            record(board, meeting[0], meeting[1], null, List.of(position("Enschede", "NOTED", false, false),
                    position("Deventer", "NOTED", false, false), position("Apeldoorn", "NOTED", false, false)));
        }

        Map<?, ?> huView = get(huConsultation);
        assertThat(huView.get("awaiting")).isEqualTo(List.of());
        List<?> huPositions = (List<?>) huView.get("positions");
        assertThat(huPositions).anySatisfy(p -> assertThat((Map<String, Object>) p).containsEntry("location", "Apeldoorn")
                .containsEntry("position", "OBJECTION").containsEntry("provisional", true)
                .containsEntry("grounds", List.of("STUDENT_COMPETITION")));
        assertThat((List<?>) get(hanConsultation).get("positions")).anySatisfy(p -> assertThat((Map<String, Object>) p)
                .containsEntry("location", "Enschede").containsEntry("preferred", true));
        assertThat(get(hanConsultation).get("agreements")).isEqualTo("develop together to avoid overlap");

        // The relay publishes a moment after the commit, and the topic holds other tests' events too: wait until
        // this test's events are there, rather than for a count of records.
        TestPlatform.eventually().untilAsserted(() -> assertThat(EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                        consultations.topic(Topics.CONSULTATIONS)))
                .filteredOn(e -> e.event().type().equals("nl.programmes.consultation.outcome-recorded.v1") && e.body().contains(announcement))
                .hasSize(4)
                .anySatisfy(e -> assertThat(e.body()).contains("\"meetingDate\":\"2024-09-16\"").contains("\"position\":\"NOTED\""))
                .anySatisfy(e -> assertThat(e.body()).contains("\"meetingDate\":\"2024-12-03\"").contains("\"position\":\"NOTED\""))
                .anySatisfy(e -> assertThat(e.body()).contains("\"consultedOrganisationId\":\"han\"")
                        .contains("\"preferred\":true").contains("\"agreements\":\"develop together to avoid overlap\""))
                .anySatisfy(e -> assertThat(e.body()).contains("\"consultedOrganisationId\":\"hu\"")
                        .contains("\"location\":\"Apeldoorn\"").contains("\"position\":\"OBJECTION\"")
                        .contains("\"provisional\":true").contains("\"meetingDate\":\"2024-12-10\"")));

        // HU later drops its objection to Apeldoorn: a revision naming the previous and new position.
        record(hu, huConsultation, "2025-02-04", null, List.of(position("Apeldoorn", "NO_OBJECTION", false, false)));
        EventProbe.Published revised = TestPlatform.eventually().until(() -> EventProbe.readAll(
                        TestPlatform.get().bootstrapServers(), consultations.topic(Topics.CONSULTATIONS)).stream()
                .filter(e -> e.event().type().equals("nl.programmes.consultation.outcome-revised.v1")).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(revised.body()).contains("\"previous\":{\"location\":\"Apeldoorn\"")
                .contains("\"position\":\"OBJECTION\"").contains("\"current\":{\"location\":\"Apeldoorn\"");
        List<Map> revisions = http.toBlocking().retrieve(HttpRequest.GET("/api/consultations/" + huConsultation + "/revisions")
                .bearerAuth(hu), Argument.listOf(Map.class));
        assertThat(revisions).hasSize(2);
        // Who recorded each, by user id and by the name people know them by (the token's name).
        assertThat(revisions).allSatisfy(r -> assertThat(List.of(r.get("recordedBy"), r.get("recordedByName")))
                .containsExactly("hu-adviser", "hu-adviser (test)"));

        // The application narrows the candidates to Enschede: the other locations are dropped, not deleted.
        publisher.publish(new ApplicationSubmitted(announcement, 2, LocalDate.of(2025, 3, 26), List.of("Enschede"),
                List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), SAXION));
        Map<?, ?> narrowed = TestPlatform.eventually().until(() -> get(hanConsultation),
                view -> ((List<?>) view.get("locations")).size() == 1);
        assertThat(narrowed.get("droppedLocations")).isEqualTo(List.of("Deventer", "Apeldoorn"));
        assertThat((List<?>) narrowed.get("positions")).hasSize(1);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/consultations/" + hanConsultation + "/revisions")
                .bearerAuth(han), Argument.listOf(Map.class)).get(0).get("positions").toString()).contains("Apeldoorn");

        HttpClientResponseException dropped = assertThrows(HttpClientResponseException.class,
                () -> record(han, hanConsultation, "2025-04-01", null, List.of(position("Apeldoorn", "CONSENT", false, false))));
        assertThat(dropped.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(dropped)).containsExactly("positions[0].location");
    }

    /** A position form submitted twice (or a retry after a timeout) with one Idempotency-Key: one revision, one event. */
    @Test
    void positionsSentTwiceWithOneKeyAreRecordedOnce() {
        String announcement = announceSmartMediaProduction();
        String consultation = request(announcement, "han", "BILATERAL");
        long outbox = consultations.count("SELECT COUNT(*) FROM outbox");
        Map<String, Object> body = Map.of("meetingDate", "2024-11-12", "positions", List.of(position("Enschede", "NO_OBJECTION", false, true)));
        List<String> replayed = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<Map> answer = http.toBlocking().exchange(HttpRequest.PUT("/api/consultations/" + consultation + "/positions", body)
                    .bearerAuth(han).header("Idempotency-Key", "han-position-form"), Map.class);
            assertThat(answer.code()).isEqualTo(200);
            replayed.add(String.valueOf(answer.header("Idempotent-Replayed")));
        }
        assertThat(replayed).containsExactly("null", "true");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/consultations/" + consultation + "/revisions").bearerAuth(han),
                Argument.listOf(Map.class))).hasSize(1);
        assertThat(consultations.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 1);
    }

    @Test
    void invalidPositionsAreRefusedWithTheirFieldsAndWriteNothing() {
        String announcement = announceSmartMediaProduction();
        String huConsultation = request(announcement, "hu", "BILATERAL");
        long outbox = consultations.count("SELECT COUNT(*) FROM outbox");

        Map<String, Object> bare = new HashMap<>(Map.of("location", "Apeldoorn", "position", "OBJECTION"));
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> record(hu, huConsultation,
                "2024-12-10", null, List.of(bare, Map.of("location", "Zwolle", "position", "CONSENT"),
                        Map.of("location", "Enschede", "position", "CONDITIONAL_CONSENT"))));
        assertThat(bad.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(bad)).containsExactlyInAnyOrder("positions[0].grounds", "positions[0].explanation",
                "positions[1].location", "positions[2].conditions");

        // The meeting's date left out (malformed: 400) and a form the service does not know: the objection's missing
        // grounds and explanation are named in the same answer, not once the date is given.
        HttpClientResponseException malformedToo = assertThrows(HttpClientResponseException.class, () -> record(hu,
                huConsultation, null, null, List.of(Map.of("location", "Apeldoorn", "form", "AVOND", "position", "OBJECTION"),
                        Map.of("location", "Enschede", "position", "CONSENT", "grounds", List.of("OVERLAP")))));
        assertThat(malformedToo.getStatus().getCode()).isEqualTo(400);
        assertThat(fields(malformedToo)).containsExactly("meetingDate", "positions[0].explanation",
                "positions[0].form", "positions[0].grounds", "positions[1].grounds");

        HttpClientResponseException notAddressed = assertThrows(HttpClientResponseException.class, () -> record(han,
                huConsultation, "2024-12-10", null, List.of(position("Enschede", "CONSENT", false, false))));
        assertThat(notAddressed.getStatus().getCode()).isEqualTo(403);

        HttpClientResponseException notTheInstitution = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/consultations", Map.of("announcementId", announcement,
                        "consultedOrganisation", "han", "kind", "BILATERAL")).bearerAuth(TestPlatform.get().tokens()
                        .mint("hu-staff", "hu", "INSTITUTION_STAFF")), Map.class));
        assertThat(notTheInstitution.getStatus().getCode()).isEqualTo(403);
        assertThat(consultations.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
        assertThat(consultations.count("SELECT COUNT(*) FROM position_revision")).isZero();
    }

    @Test
    void withdrawalClosesOpenConsultations() {
        String announcement = announceSmartMediaProduction();
        String consultation = request(announcement, "han", "BILATERAL");

        publisher.publish(new AnnouncementWithdrawn(announcement, 2, "fictional: merged", SAXION));

        TestPlatform.eventually().until(() -> get(consultation), view -> "CLOSED".equals(view.get("status")));
        HttpClientResponseException closed = assertThrows(HttpClientResponseException.class, () -> record(han,
                consultation, "2024-11-12", null, List.of(position("Enschede", "CONSENT", false, false))));
        assertThat(closed.getStatus().getCode()).isEqualTo(422);
        // The closing commits with its outbox row; the relay publishes it a moment later.
        TestPlatform.eventually().until(() -> EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                consultations.topic(Topics.CONSULTATIONS)), events -> events.stream().anyMatch(e -> consultation.equals(e.key())
                && "nl.programmes.consultation.closed.v1".equals(e.event().type())));
    }

    @Test
    void amendmentArrivingBeforeItsAnnouncementIsNotLost() {
        String id = UUID.randomUUID().toString();
        publisher.publish(new AnnouncementAmended(id, 2, null, null,
                new ValueChange<>(List.of("Enschede", "Deventer", "Apeldoorn"), List.of("Enschede", "Hengelo")),
                null, null, null, null, SAXION));
        EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), consultations.topicPrefix() + "consultations",
                consultations.topic(Topics.PROGRAMME_ANNOUNCEMENTS));
        assertThat(consultations.count("SELECT COUNT(*) FROM pending_announcement_event")).isEqualTo(1);

        publisher.publish(smartMediaProduction(id));
        String consultation = TestPlatform.eventually().until(() -> tryRequest(id, "han"), c -> c != null);

        assertThat(get(consultation).get("locations")).isEqualTo(List.of("Enschede", "Hengelo"));
        assertThat(consultations.count("SELECT COUNT(*) FROM pending_announcement_event")).isZero();
    }

    private String announceSmartMediaProduction() {
        String id = UUID.randomUUID().toString();
        publisher.publish(smartMediaProduction(id));
        return TestPlatform.eventually().until(() -> {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), consultations.topicPrefix() + "consultations",
                    consultations.topic(Topics.PROGRAMME_ANNOUNCEMENTS));
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), consultations.topicPrefix() + "consultations",
                    consultations.topic(Topics.ORGANISATIONS));
            return id;
        }, v -> true);
    }

    private String request(String announcement, String organisation, String kind) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/consultations", Map.of("announcementId", announcement,
                "consultedOrganisation", organisation, "kind", kind)).bearerAuth(saxion), Map.class).get("id");
    }

    private String tryRequest(String announcement, String organisation) {
        try {
            return request(announcement, organisation, "BILATERAL");
        } catch (HttpClientResponseException e) {
            return null;
        }
    }

    private void record(String token, String consultation, String meetingDate, String agreements, List<Map<String, Object>> positions) {
        Map<String, Object> body = new HashMap<>();
        body.put("meetingDate", meetingDate);
        body.put("positions", positions);
        if (agreements != null) {
            body.put("agreements", agreements);
        }
        http.toBlocking().exchange(HttpRequest.PUT("/api/consultations/" + consultation + "/positions", body).bearerAuth(token), Map.class);
    }

    private Map<?, ?> get(String consultation) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/consultations/" + consultation).bearerAuth(saxion), Map.class);
    }

    private static Map<String, Object> position(String location, String position, boolean provisional, boolean preferred) {
        return Map.of("location", location, "position", position, "provisional", provisional, "preferred", preferred);
    }

    private static Map<String, Object> objection(String location, boolean provisional) {
        return Map.of("location", location, "position", "OBJECTION", "provisional", provisional,
                "grounds", List.of("STUDENT_COMPETITION"),
                "explanation", "Effect on the intake of HU's Ads in Amersfoort; objects for now.");
    }

    private static List<String> fields(HttpClientResponseException error) {
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        return ((List<?>) problem.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }

    static ProgrammeAnnounced smartMediaProduction(String id) {
        return new ProgrammeAnnounced(id, "A24-056", "saxion",
                new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null,
                        List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), "nl", 120, BigDecimal.valueOf(2),
                        "Techniek", "Ad cluster Creatieve Industrie"),
                List.of("Enschede", "Deventer", "Apeldoorn"), "2026-09", null, null, null, SAXION);
    }
}
