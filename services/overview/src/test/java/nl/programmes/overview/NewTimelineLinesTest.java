package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a page open on the timeline adds as facts arrive ({@code /api/timeline/recent}): every line projected since
 * the page was read that its filters take, wherever its business date puts it. A page showing the newest lines by
 * business date never held a decision recorded today for a meeting long ago: it came only on reload.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewTimelineLinesTest implements TestPropertyProvider {

    private static final String LIMBURG = "0190a4b8-0000-7000-8000-00000000b099";

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");
    private final DemoCaseEvents demo = new DemoCaseEvents();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @BeforeAll
    void demoCase() {
        demo.upToTheApplication().forEach(publisher::publish);
        ProgrammeAnnounced announced = demo.announced();
        publisher.publish(new ProgrammeAnnounced(LIMBURG, "A24-199", "saxion", announced.programme(), List.of("Maastricht"),
                announced.intendedStart(), null, null, null, announced.actor()));
        Projected.caughtUp(overview);
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void aLineIsNewWhereverItsBusinessDatePutsIt() {
        // Asked without a position, before the page is read: no lines, the position to ask from.
        Map<String, Object> before = recent("");
        assertThat(entries(before)).isEmpty();
        String position = (String) before.get("position");
        assertThat(Instant.parse(position)).isBeforeOrEqualTo(Instant.now());

        // Recorded now, for meetings in 2024: far below the newest lines by business date (the application of 2025).
        String onTheCase = publisher.publish(decision(demo.announcement, LocalDate.of(2024, 10, 3))).id();
        String inLimburg = publisher.publish(decision(LIMBURG, LocalDate.of(2024, 10, 4))).id();
        Projected.caughtUp(overview);
        assertThat(eventIds(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline?size=3").bearerAuth(reader), Map.class)))
                .doesNotContain(onTheCase, inLimburg);

        // New since the page was read, whatever its date, as the page's filters take them; in the order projected.
        // (Lines projected a moment before the position come too, OverviewReads.LOOKBACK: the case's own, here.)
        assertThat(eventIds(recent("since=" + position))).containsSubsequence(onTheCase, inLimburg);
        assertThat(eventIds(recent("since=" + position + "&announcement=a24-056"))).contains(onTheCase).doesNotContain(inLimburg);
        assertThat(eventIds(recent("since=" + position + "&region=Limburg"))).contains(inLimburg).doesNotContain(onTheCase);
        assertThat(eventIds(recent("since=" + position + "&region=Overijssel&kind=decision"))).contains(onTheCase)
                .doesNotContain(inLimburg);
        assertThat(entries(recent("since=" + position + "&region=Overijssel&kind=decision")))
                .allSatisfy(e -> assertThat((String) e.get("kind")).contains("decision"));
        assertThat(eventIds(recent("since=" + position + "&from=2024-10-04&to=2024-10-04"))).containsExactly(inLimburg);
        assertThat(eventIds(recent("since=" + position + "&kind=withdrawn"))).isEmpty();
        Map<String, Object> line = entries(recent("since=" + position + "&announcement=a24-056")).stream()
                .filter(e -> e.get("eventId").equals(onTheCase)).findFirst().orElseThrow();
        assertThat(line).containsEntry("reference", "A24-056").containsEntry("actorName", "Secretary")
                .containsEntry("actorOrganisationName", "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie");
        assertThat((String) line.get("textNl")).startsWith("Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie");

        // The next position is past the lines handed out; from a position later than every line, nothing is new.
        assertThat(Instant.parse((String) recent("since=" + position).get("position"))).isAfter(Instant.parse(position));
        assertThat(eventIds(recent("since=" + Instant.parse(position).plusSeconds(3600)))).isEmpty();
    }

    /**
     * An organisation's lines take the announcements it was asked to consult on, from the request on: on a page read
     * afterwards (with the lines before the request about that announcement) and on a page already open.
     */
    @Test
    void anOrganisationAskedAboutAnAnnouncementFindsItsLinesFromTheRequestOn() {
        assertThat(entries(page("institution=nhlstenden"))).extracting(e -> e.get("announcementId")).doesNotContain(LIMBURG);
        String position = (String) recent("institution=nhlstenden").get("position");

        nl.programmes.events.Actor saxion = demo.announced().actor();
        String asked = publisher.publish(new ConsultationRequested(UUID.randomUUID().toString(), LIMBURG, "saxion", "nhlstenden",
                ConsultationKind.BILATERAL, List.of("Maastricht"), List.of(ProgrammeForm.VOLTIJD), null, null, saxion)).id();
        String decided = publisher.publish(decision(LIMBURG, LocalDate.of(2024, 11, 5))).id();
        String elsewhere = publisher.publish(decision(demo.announcement, LocalDate.of(2024, 11, 5))).id();
        Projected.caughtUp(overview);

        assertThat(eventIds(recent("since=" + position + "&institution=nhlstenden"))).contains(asked, decided).doesNotContain(elsewhere);
        List<Map<String, Object>> lines = entries(page("institution=nhlstenden&size=100"));
        assertThat(lines).extracting(e -> (String) e.get("eventId")).contains(asked, decided).doesNotContain(elsewhere);
        assertThat(lines).extracting(e -> (String) e.get("textNl"))
                .contains("Saxion Hogeschool raadpleegt NHL Stenden over Maastricht.")
                .anyMatch(text -> text.startsWith("Saxion Hogeschool kondigt")); // the announcement, from before the request
    }

    /**
     * A start page after an absence asks for what is new since the previous sign-in: an organisation's line under 600
     * newer lines of others is found (a read checked only the newest 500 projected, and found nothing of its own).
     */
    @Test
    void anOrganisationsLineUnderManyNewerOnesIsFoundAfterAnAbsence() {
        Instant previousSignIn = Instant.now().minus(java.time.Duration.ofMinutes(2));
        nl.programmes.events.Actor zuyd = new nl.programmes.events.Actor("zuyd-staff", "Staff member, Zuyd", "zuyd");
        String own = publisher.publish(new nl.programmes.events.offering.OfferingRegistered(UUID.randomUUID().toString(), "zuyd",
                "Ad Afwezig", null, null, nl.programmes.events.announcement.ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD,
                "Heerlen", zuyd)).id();
        String others = UUID.randomUUID().toString();
        nl.programmes.events.Actor operator = new nl.programmes.events.Actor("admin", "Platform administrator", "platform");
        for (int year = 1990; year < 1990 + 600; year++) {
            publisher.publish(new nl.programmes.events.offering.IntakeReported(others, year, 10, false, operator));
        }
        Projected.caughtUp(overview);

        assertThat(eventIds(recent("since=" + previousSignIn + "&institution=zuyd"))).contains(own);
        // A page's poll, seconds after its last, still checks the newest 500 only: its own line is not among them.
        assertThat(eventIds(recent("since=" + Instant.now().minusSeconds(10) + "&institution=zuyd"))).doesNotContain(own);
    }

    private Map<String, Object> page(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/timeline?" + query).bearerAuth(reader), Map.class);
    }

    @Test
    void aPositionThatIsNoTimeAndAnUnknownReferenceAreNamed() {
        HttpClientResponseException notATime = assertThrows(HttpClientResponseException.class, () -> recent("since=gisteren&kind=besluit"));
        assertThat(notATime.getStatus().getCode()).isEqualTo(400);
        assertThat(notATime.getResponse().getBody(String.class).orElseThrow()).contains("{\"field\":\"since\",\"message\":\"must be a moment in UTC, such as 2026-11-29T10:15:30Z\"}")
                .contains("\"field\":\"kind\"");
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class,
                () -> recent("since=" + Instant.now() + "&announcement=A24-999"));
        assertThat(unknown.getStatus().getCode()).isEqualTo(400);
        assertThat(unknown.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"announcement\"");
    }

    private SteeringDecisionRecorded decision(String announcement, LocalDate meeting) {
        return new SteeringDecisionRecorded(UUID.randomUUID().toString(), "stuurgroep-ad-ci", announcement, meeting,
                Decision.NOTED, List.of(), null, List.of(), new nl.programmes.events.Actor("stuurgroep-secretary", "Secretary",
                "stuurgroep-ad-ci"));
    }

    private Map<String, Object> recent(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/timeline/recent?" + query).bearerAuth(reader), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("entries");
    }

    private static List<String> eventIds(Map<String, Object> answer) {
        return entries(answer).stream().map(e -> (String) e.get("eventId")).toList();
    }
}
