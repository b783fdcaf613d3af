package nl.programmes.steering;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The demo case's steering group: its endorsement, and a decision that rules on HU's objection. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringDecisionsTest implements TestPropertyProvider {

    private static final Actor ADMIN = new Actor("admin", "Administrator", "platform");
    private static final String COMMITTEE = "stuurgroep-ad-ci";

    private final ServiceUnderTest steering = TestPlatform.get().service("steering");
    private final EventPublisher publisher = new EventPublisher(steering);
    private final String member = TestPlatform.get().tokens().mint("stuurgroep-secretary", COMMITTEE, "STEERING_MEMBER");
    private final String announcement = UUID.randomUUID().toString();
    private final String huConsultation = UUID.randomUUID().toString();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return steering.properties();
    }

    @BeforeAll
    void demoCaseSoFar() {
        publisher.publish(new OrganisationRegistered(COMMITTEE, "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie",
                OrganisationKind.STEERING_COMMITTEE, null, null, List.of(), null, ADMIN));
        publisher.publish(new OrganisationRegistered("hu", "Hogeschool Utrecht", OrganisationKind.HBO_INSTITUTION, null, null,
                List.of("Utrecht", "Amersfoort"), "Utrecht", ADMIN));
        // A consultation outcome before its announcement: the order across topics must not matter.
        publisher.publish(new ConsultationOutcomeRecorded(huConsultation, announcement, "hu", 1, LocalDate.of(2024, 12, 10),
                "HU sees chances for cooperation.", null, List.of(
                new LocationPosition("Enschede", null, PositionKind.NO_OBJECTION, List.of(), null, null, false, false),
                new LocationPosition("Deventer", null, PositionKind.NO_OBJECTION, List.of(), null, null, false, false),
                new LocationPosition("Apeldoorn", null, PositionKind.OBJECTION, List.of(ObjectionGround.STUDENT_COMPETITION),
                        "Objects for now.", null, true, false)), new Actor("hu-adviser", "HU adviser", "hu")));
        publisher.publish(new ProgrammeAnnounced(announcement, "A24-056", "saxion",
                new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null,
                        List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), "nl", 120, BigDecimal.valueOf(2), "Techniek", null),
                List.of("Enschede", "Deventer", "Apeldoorn"), "2026-09", null, null, null,
                new Actor("saxion-staff", "Saxion programme manager", "saxion")));
        for (String topic : List.of(Topics.ORGANISATIONS, Topics.CONSULTATIONS, Topics.PROGRAMME_ANNOUNCEMENTS)) {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), steering.topicPrefix() + "steering", steering.topic(topic));
        }
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void agendaEndorsementFurtherConsultationCorrectionAndMeeting() {
        List<Map> agenda = agenda();
        assertThat(agenda).singleElement().satisfies(item -> {
            assertThat(item.get("reference")).isEqualTo("A24-056");
            assertThat(item.get("objectingOrganisations")).isEqualTo(List.of("hu"));
            assertThat(item.get("locationsObjectedTo")).isEqualTo(List.of("Apeldoorn"));
            // HU objects "for now": a committee may ask again before it decides.
            assertThat(item.get("provisionallyObjecting")).isEqualTo(List.of("hu"));
        });

        Map<?, ?> endorsed = decide(Map.of("committee", COMMITTEE, "announcementId", announcement, "meetingDate", "2024-09-12",
                "decision", "ENDORSED", "rationale", "Members welcome Smart Media Production in the east of the country."));
        assertThat(agenda()).isEmpty();

        Map<String, Object> furtherConsultation = new HashMap<>(Map.of("committee", COMMITTEE, "announcementId", announcement,
                "meetingDate", "2024-12-12", "decision", "FURTHER_CONSULTATION_REQUESTED", "locations", List.of("Apeldoorn")));
        HttpClientResponseException noRationale = assertThrows(HttpClientResponseException.class, () -> decide(furtherConsultation));
        assertThat(noRationale.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(noRationale)).containsExactly("rationale");
        // With the meeting's date left out too (malformed: 400), the missing rationale is named in the same answer.
        Map<String, Object> undated = new HashMap<>(furtherConsultation);
        undated.remove("meetingDate");
        HttpClientResponseException twoKinds = assertThrows(HttpClientResponseException.class, () -> decide(undated));
        assertThat(twoKinds.getStatus().getCode()).isEqualTo(400);
        assertThat(fields(twoKinds)).containsExactly("meetingDate", "rationale");

        furtherConsultation.put("rationale", "Consult HU again about Apeldoorn.");
        furtherConsultation.put("rulesOn", List.of(Map.of("consultationId", huConsultation, "location", "Enschede")));
        HttpClientResponseException notAnObjection = assertThrows(HttpClientResponseException.class, () -> decide(furtherConsultation));
        assertThat(fields(notAnObjection)).containsExactly("rulesOn[0]");

        furtherConsultation.put("rulesOn", List.of(Map.of("consultationId", huConsultation, "location", "Apeldoorn")));
        Map<?, ?> ruled = decide(furtherConsultation);
        assertThat(ruled.get("rulesOn").toString()).contains("Apeldoorn");

        Map<String, Object> correction = new HashMap<>(Map.of("committee", COMMITTEE, "announcementId", announcement,
                "meetingDate", "2024-12-12", "decision", "NOTED", "corrects", endorsed.get("id")));
        Map<?, ?> corrected = decide(correction);
        List<Map> decisions = http.toBlocking().retrieve(HttpRequest.GET("/api/steering-decisions?announcement=" + announcement)
                .bearerAuth(member), Argument.listOf(Map.class));
        assertThat(decisions).filteredOn(d -> d.get("id").equals(endorsed.get("id")))
                .singleElement().satisfies(d -> assertThat(d.get("correctedBy")).isEqualTo(corrected.get("id")));
        // Decisions name their announcement as people do, for the pages: by its reference and programme.
        assertThat(decisions).hasSize(3).allSatisfy(d -> assertThat(List.of(d.get("reference"), d.get("programmeName")))
                .containsExactly("A24-056", "Smart Media Production"));
        assertThat(corrected.get("reference")).isEqualTo("A24-056");

        // The agenda is of announcements: a line that names none is refused, naming it, and nothing is recorded.
        HttpClientResponseException unknownItem = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/steering-meetings", Map.of("committee", COMMITTEE, "meetingDate",
                        LocalDate.now(BusinessCalendar.NETHERLANDS).plusDays(1).toString(), "agenda", List.of("A24-056", "Rondvraag"),
                        "decisions", List.of("no-such-decision"))).bearerAuth(member), Map.class));
        assertThat(unknownItem.getStatus().getCode()).isEqualTo(422);
        // A date still to come is named with the lines, not in an answer of its own before them.
        assertThat(fields(unknownItem)).containsExactlyInAnyOrder("agenda[1]", "decisions[0]", "meetingDate");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/steering-meetings?committee=" + COMMITTEE)
                .bearerAuth(member), Argument.listOf(Map.class))).isEmpty();
        Map<?, ?> meeting = http.toBlocking().retrieve(HttpRequest.POST("/api/steering-meetings", Map.of("committee", COMMITTEE,
                "meetingDate", "2024-12-12", "agenda", List.of(" a24-056 "), "minutes", "3 announcements discussed.",
                "decisions", List.of(ruled.get("id"), corrected.get("id")))).bearerAuth(member), Map.class);
        // An announcement named by its reference, as minutes do, is recorded by its id.
        assertThat(meeting.get("agenda")).isEqualTo(List.of(announcement));
        List<Map<String, Object>> agendaItems = List.of(Map.of("item", announcement, "announcementId", announcement,
                "reference", "A24-056", "programmeName", "Smart Media Production"));
        assertThat(meeting.get("agendaItems")).isEqualTo(agendaItems);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/steering-decisions?meeting=" + meeting.get("id"))
                .bearerAuth(member), Argument.listOf(Map.class))).hasSize(2);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/steering-meetings?committee=" + COMMITTEE)
                .bearerAuth(member), Argument.listOf(Map.class))).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("minutes")).isEqualTo("3 announcements discussed.");
                    assertThat(m.get("agendaItems")).isEqualTo(agendaItems);
                });

        // The relay publishes a moment after the commit, and the topic holds other tests' events too: wait until
        // this test's events are there, rather than for a count of records.
        TestPlatform.eventually().untilAsserted(() -> {
            List<EventProbe.Published> events = EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                    steering.topic(Topics.STEERING_DECISIONS));
            assertThat(events).extracting(e -> e.event().type()).contains("nl.programmes.steering.decision-recorded.v1",
                    "nl.programmes.steering.decision-corrected.v1", "nl.programmes.steering.meeting-held.v1");
            assertThat(events).filteredOn(e -> e.event().type().endsWith("decision-recorded.v1"))
                    .anySatisfy(e -> assertThat(e.body()).contains("\"rulesOn\":[{\"consultationId\":\"" + huConsultation
                            + "\",\"location\":\"Apeldoorn\"}]"));
        });
    }

    @Test
    void nonMembersAndUnknownLocationsAreRefused() {
        long outbox = steering.count("SELECT COUNT(*) FROM outbox");
        String hu = TestPlatform.get().tokens().mint("hu-staff", "hu", "STEERING_MEMBER");
        HttpClientResponseException notMember = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/steering-decisions", Map.of("committee", COMMITTEE, "announcementId",
                        announcement, "meetingDate", "2024-09-12", "decision", "NOTED")).bearerAuth(hu), Map.class));
        assertThat(notMember.getStatus().getCode()).isEqualTo(403);

        HttpClientResponseException elsewhere = assertThrows(HttpClientResponseException.class, () -> decide(Map.of(
                "committee", COMMITTEE, "announcementId", announcement, "meetingDate", "2024-09-12", "decision", "NOTED",
                "locations", List.of("Zwolle"))));
        assertThat(fields(elsewhere)).containsExactly("locations[0]");
        assertThat(steering.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
    }

    @Test
    void theAgendaAndMeetingsOfNoCommitteeAreRefused() {
        for (String list : List.of("/api/steering-agenda", "/api/steering-meetings")) {
            HttpClientResponseException typo = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET(list + "?committee=stuurgroep-ad-c").bearerAuth(member), Map.class));
            assertThat(typo.getStatus().getCode()).isEqualTo(400);
            assertThat(fields(typo)).containsExactly("committee");
            assertThat(typo.getResponse().getBody(Map.class).orElseThrow().toString()).contains("is not a steering committee in the directory");

            HttpClientResponseException institution = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET(list + "?committee=hu").bearerAuth(member), Map.class));
            assertThat(fields(institution)).containsExactly("committee");
            assertThat(institution.getResponse().getBody(Map.class).orElseThrow().toString()).contains("is not a steering committee in the directory");
        }
    }

    private Map<?, ?> decide(Map<String, Object> body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/steering-decisions", body).bearerAuth(member), Map.class);
    }

    private List<Map> agenda() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/steering-agenda?committee=" + COMMITTEE).bearerAuth(member),
                Argument.listOf(Map.class));
    }

    private static List<String> fields(HttpClientResponseException error) {
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        return ((List<?>) problem.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }
}
