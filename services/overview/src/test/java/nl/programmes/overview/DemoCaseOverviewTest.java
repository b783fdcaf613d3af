package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventTypes;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The demo case told by the overview: every cell of A24-056's objection matrix before and after the
 * application narrows it to Enschede, the steering decision, the timeline in the case's order, and
 * the regional pages. Also: the same events in another cross-topic order, and delivered twice, give
 * the same matrix.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"unchecked", "rawtypes"})
class DemoCaseOverviewTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("rocvantwente-adviser", "rocvantwente", "CONSULTEE");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void objectionMatrixOfA24056BeforeAndAfterTheApplicationForEnschede() {
        DemoCaseEvents demo = new DemoCaseEvents();
        demo.directory().forEach(publisher::publish);
        publisher.publish(demo.announced());
        demo.consultationsAndDecisions().forEach(publisher::publish);
        Projected.caughtUp(overview);

        Map<String, Object> before = matrix(demo.announcement);
        assertThat(before.get("candidateLocations")).isEqualTo(List.of("Enschede", "Deventer", "Apeldoorn"));
        assertThat(cells(before, "han")).isEqualTo(Map.of("Enschede", "NO_OBJECTION preferred", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "NO_OBJECTION"));
        assertThat(cells(before, "hu")).isEqualTo(Map.of("Enschede", "NO_OBJECTION", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "OBJECTION provisional"));
        assertThat(rows(before, "bestuurlijk-overleg-oost")).hasSize(2).allSatisfy(row -> assertThat(cells(row))
                .isEqualTo(Map.of("Enschede", "NOTED", "Deventer", "NOTED", "Apeldoorn", "NOTED")));
        assertThat(rows(before, "han").get(0).get("agreements")).isEqualTo("develop together to avoid overlap");
        assertThat(rows(before, "hu").get(0).get("organisationName")).isEqualTo("Hogeschool Utrecht");
        assertThat((List<?>) before.get("awaiting")).isEmpty();
        assertThat((List<?>) before.get("decisions")).singleElement().satisfies(d -> assertThat((Map<String, Object>) d)
                .containsEntry("committee", "stuurgroep-ad-ci").containsEntry("decision", "ENDORSED"));

        publisher.publish(demo.applicationForEnschede());
        Projected.caughtUp(overview);

        Map<String, Object> after = matrix(demo.announcement);
        assertThat(after.get("status")).isEqualTo("SUBMITTED");
        assertThat(after.get("candidateLocations")).isEqualTo(List.of("Enschede"));
        assertThat(after.get("droppedLocations")).isEqualTo(List.of("Deventer", "Apeldoorn"));
        assertThat(cells(after, "han")).isEqualTo(Map.of("Enschede", "NO_OBJECTION preferred"));
        assertThat(cells(after, "hu")).isEqualTo(Map.of("Enschede", "NO_OBJECTION"));
        assertThat(droppedCells(rows(after, "hu").get(0))).isEqualTo(Map.of("Deventer", "NO_OBJECTION",
                "Apeldoorn", "OBJECTION provisional"));

        List<Map<String, Object>> timeline = timeline(demo.announcement);
        assertThat(timeline.stream().filter(l -> !((String) l.get("kind")).endsWith("announced.v1")
                        && !((String) l.get("kind")).endsWith("requested.v1")).map(l -> (String) l.get("occurredOn")).toList())
                .containsExactly("2024-09-12", "2024-09-16", "2024-11-12", "2024-12-03", "2024-12-10", "2025-03-26");
        assertThat(timeline).extracting(l -> (String) l.get("textNl")).contains(
                "Hogeschool Utrecht: geen bezwaar voor Enschede en Deventer; bezwaar (voorlopig) op grond van concurrentie om studenten voor Apeldoorn.",
                "Saxion Hogeschool dient de aanvraag in voor Enschede (voltijd, deeltijd).");
        assertThat(timelineOf("region=Overijssel")).extracting(l -> (String) l.get("announcementId")).contains(demo.announcement);
        assertThat(timelineOf("region=Limburg")).extracting(l -> (String) l.get("announcementId")).doesNotContain(demo.announcement);
        // A province's timeline holds its offerings' lines too: HU's in Amersfoort, registered and its intake reported.
        assertThat(timelineOf("region=Utrecht")).extracting(l -> (String) l.get("textNl")).hasSize(3)
                .allSatisfy(text -> assertThat(text).contains("Hogeschool Utrecht").contains("Ad Online Contentcreator"));
        // An organisation's timeline: what it did, and the lines about its announcements and offerings and about the
        // announcements it was asked to consult on, whoever acted (Saxion asked HU; the committee endorsed it).
        assertThat(timelineOf("institution=hu")).extracting(l -> (String) l.get("textNl"))
                .anyMatch(text -> text.startsWith("Hogeschool Utrecht: geen bezwaar"))
                .anyMatch(text -> text.startsWith("Saxion Hogeschool raadpleegt Hogeschool Utrecht over"))
                .anyMatch(text -> text.startsWith("Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie"))
                .anyMatch(text -> text.startsWith("Instroom 2023 van Hogeschool Utrecht Ad Online Contentcreator"))
                .anyMatch(text -> text.startsWith("Hogeschool Utrecht biedt Ad Somewhere aan"));
        assertThat(timelineOf("institution=saxion")).extracting(l -> (String) l.get("actorOrganisation")).contains("han", "hu", "saxion");
        assertThat(timeline).extracting(l -> (String) l.get("textEn")).contains(
                "Hogeschool van Arnhem en Nijmegen: no objection for Enschede (preferred), Deventer and Apeldoorn. Agreed: develop together to avoid overlap.",
                "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie endorsed the announcement: Members (HvA, NHL Stenden) react very positively to Smart Media Production in the east.");
    }

    @Test
    void regionalPagesShowExistingAndIntendedProgrammesAndKeepUnknownPlaces() {
        DemoCaseEvents demo = new DemoCaseEvents();
        demo.directory().forEach(publisher::publish);
        publisher.publish(demo.announced());
        demo.offerings().forEach(publisher::publish);
        Projected.caughtUp(overview);

        Map<String, Object> regions = (Map<String, Object>) http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions").bearerAuth(reader), Map.class);
        assertThat(regions.get("unknownMunicipalities")).isEqualTo(List.of("Atlantis"));
        // The table the regions are made from, for a form or an import to warn of a place it does not hold.
        Map<String, Object> table = (Map<String, Object>) http.toBlocking().retrieve(HttpRequest.GET("/api/overview/municipalities")
                .bearerAuth(reader), Map.class);
        assertThat((List<Map<String, Object>>) table.get("municipalities"))
                .contains(Map.of("municipality", "Enschede", "province", "Overijssel", "labourMarketRegion", "Twente"))
                .noneMatch(m -> "Atlantis".equals(m.get("municipality")))
                .extracting(m -> (String) m.get("municipality")).contains("Maastricht", "Utrecht", "Zwolle");
        List<String> names = ((List<?>) regions.get("regions")).stream().map(r -> (String) ((Map<String, Object>) r).get("region")).toList();
        assertThat(names).contains("Overijssel", "Gelderland", "Utrecht", "Friesland", "region unknown");

        // The domain is free text: the filter finds a word of it, in any case. Existing offerings have no domain.
        assertThat(municipalities(region("Overijssel?domain=%20creatieve%20INDUSTRIE")).get("Enschede")).contains("A24-056");
        assertThat(municipalities(region("Overijssel?domain=zorg"))).doesNotContainKey("Enschede");
        assertThat(municipalities(region("Overijssel?code=%2080179%20")).get("Enschede")).contains("A24-056");
        Map<String, Object> gelderland = region("Gelderland");
        assertThat(municipalities(gelderland)).containsEntry("Apeldoorn", "intended: A24-056");
        Map<String, Object> overijssel = region("Overijssel");
        assertThat(municipalities(overijssel)).containsEntry("Enschede", "intended: A24-056").containsEntry("Deventer", "intended: A24-056");
        Map<String, Object> friesland = region("Friesland");
        Map<String, Object> leeuwarden = (Map<String, Object>) ((List<?>) friesland.get("municipalities")).get(0);
        Map<String, Object> nhl = (Map<String, Object>) ((List<?>) leeuwarden.get("existing")).get(0);
        assertThat(nhl.get("intake")).isEqualTo(Map.of("2021", "<5"));
        // HU's 80150 in Amersfoort has no other programme with its code in Utrecht: nothing to put beside it.
        assertThat((List<?>) region("Utrecht").get("related")).isEmpty();
    }

    @Test
    void aRegionThatIsNoProvinceIsNotFoundAndAProvinceWithNothingInItIsEmpty() {
        for (String path : List.of("/api/overview/regions/Overijsel", "/api/overview/regions/Overijsel.csv")) {
            HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(reader), String.class));
            assertThat(error.getStatus().getCode()).as(path).isEqualTo(404);
            assertThat(error.getResponse().getBody(String.class).orElseThrow()).as(path).contains("Region Overijsel does not exist");
        }
        assertThat(region("overijssel")).containsKey("municipalities");
        assertThat(region("region%20unknown")).containsKey("municipalities");
        // Every province is in the municipality table, so none is "not found" for want of programmes.
        for (String province : List.of("Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
                "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg")) {
            assertThat(region(province)).as(province).containsKey("municipalities");
        }
    }

    @Test
    void relatedProgrammesShareACodeOrIntendedProgrammesADomain() {
        DemoCaseEvents demo = new DemoCaseEvents();
        demo.directory().forEach(publisher::publish);
        publisher.publish(demo.announced());
        String offering = UUID.randomUUID().toString();
        publisher.publish(new OfferingRegistered(offering, "saxion", "Ad Media Production (" + offering + ")", "80179", null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.DEELTIJD, "Deventer", DemoCaseEvents.ADMIN));
        String other = UUID.randomUUID().toString();
        ProgrammeAnnounced announced = demo.announced();
        publisher.publish(new ProgrammeAnnounced(other, "A26-" + other.substring(0, 4), "saxion",
                new Programme("Creative Coding (" + other + ")", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80999", null,
                        List.of(ProgrammeForm.VOLTIJD), "nl", 120, BigDecimal.valueOf(2), "Techniek", " ad cluster creatieve industrie"),
                List.of("Enschede"), "2027-09", null, null, null, announced.actor()));
        Projected.caughtUp(overview);

        List<Map<String, Object>> related = ((List<?>) region("Overijssel").get("related")).stream().map(r -> (Map<String, Object>) r)
                .toList();
        assertThat(related).filteredOn(r -> "80179".equals(r.get("code"))).singleElement().satisfies(r -> {
            assertThat((List<String>) r.get("existingOfferingIds")).contains(offering);
            assertThat((List<String>) r.get("intendedAnnouncementIds")).contains(demo.announcement).doesNotContain(other);
        });
        // Two ways of writing one domain; the offering joins through A24-056's code.
        assertThat(related).filteredOn(r -> ((List<?>) r.get("intendedAnnouncementIds")).contains(other)).singleElement().satisfies(r -> {
            assertThat(r.get("code")).isNull();
            assertThat((String) r.get("domain")).isEqualToIgnoringCase("Ad cluster Creatieve Industrie");
            assertThat((List<String>) r.get("intendedAnnouncementIds")).contains(demo.announcement);
            assertThat((List<String>) r.get("existingOfferingIds")).contains(offering);
        });
    }

    @Test
    void sameEventsInAnotherCrossTopicOrderAndDeliveredTwiceGiveTheSameMatrix() {
        DemoCaseEvents demo = new DemoCaseEvents();
        demo.directory().forEach(publisher::publish);
        List<CloudEvent> sent = new ArrayList<>();
        // Consultations and decisions before the announcement they are about.
        List<DomainEvent> scrambled = new ArrayList<>(demo.consultationsAndDecisions());
        Collections.reverse(scrambled);
        scrambled.forEach(e -> sent.add(publisher.publish(e)));
        sent.add(publisher.publish(demo.announced()));
        Projected.caughtUp(overview);
        long lines = overview.count("SELECT COUNT(*) FROM timeline_entry");

        for (CloudEvent again : sent) {
            String topic = EventTypes.byCeType(again.type()).orElseThrow().topic();
            publisher.publish(topic, again);
        }
        Projected.caughtUp(overview);

        Map<String, Object> matrix = matrix(demo.announcement);
        assertThat(cells(matrix, "hu")).isEqualTo(Map.of("Enschede", "NO_OBJECTION", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "OBJECTION provisional"));
        assertThat(cells(matrix, "han")).isEqualTo(Map.of("Enschede", "NO_OBJECTION preferred", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "NO_OBJECTION"));
        assertThat(rows(matrix, "bestuurlijk-overleg-oost")).hasSize(2);
        assertThat(rows(matrix, "hu").get(0).get("kind")).isEqualTo("BILATERAL");
        assertThat(overview.count("SELECT COUNT(*) FROM timeline_entry")).isEqualTo(lines);
    }

    private Map<String, Object> matrix(String id) {
        return (Map<String, Object>) http.toBlocking().retrieve(HttpRequest.GET("/api/overview/announcements/" + id).bearerAuth(reader), Map.class);
    }

    private Map<String, Object> region(String name) {
        return (Map<String, Object>) http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/" + name).bearerAuth(reader), Map.class);
    }

    private List<Map<String, Object>> timeline(String announcement) {
        Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET("/api/timeline?order=oldest&announcement=" + announcement)
                .bearerAuth(reader), Map.class);
        return ((List<?>) page.get("entries")).stream().map(e -> (Map<String, Object>) e).toList();
    }

    private List<Map<String, Object>> timelineOf(String query) {
        Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET("/api/timeline?size=500&" + query).bearerAuth(reader), Map.class);
        return ((List<?>) page.get("entries")).stream().map(e -> (Map<String, Object>) e).toList();
    }

    private static List<Map<String, Object>> rows(Map<String, Object> matrix, String organisation) {
        return ((List<?>) matrix.get("rows")).stream().map(r -> (Map<String, Object>) r)
                .filter(r -> organisation.equals(r.get("organisation"))).toList();
    }

    private static Map<String, String> cells(Map<String, Object> matrix, String organisation) {
        return cells(rows(matrix, organisation).get(0));
    }

    private static Map<String, String> cells(Map<String, Object> row) {
        return describe((List<?>) row.get("cells"));
    }

    private static Map<String, String> droppedCells(Map<String, Object> row) {
        return describe((List<?>) row.get("droppedCells"));
    }

    private static Map<String, String> describe(List<?> cells) {
        return cells.stream().map(c -> (Map<String, Object>) c).collect(Collectors.toMap(c -> (String) c.get("location"),
                c -> c.get("position") + (Boolean.TRUE.equals(c.get("provisional")) ? " provisional" : "")
                        + (Boolean.TRUE.equals(c.get("preferred")) ? " preferred" : "")));
    }

    private static Map<String, String> municipalities(Map<String, Object> region) {
        return ((List<?>) region.get("municipalities")).stream().map(m -> (Map<String, Object>) m).collect(Collectors.toMap(
                m -> (String) m.get("municipality"), m -> "intended: " + ((List<?>) m.get("intended")).stream()
                        .map(i -> (String) ((Map<String, Object>) i).get("reference")).collect(Collectors.joining(","))));
    }
}
