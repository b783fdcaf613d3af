package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offering that left the register: an ended one stays on its region's page and in its CSV, marked with its last
 * intake year and with its figures; one registered in error leaves the page (and "region unknown"); the timeline
 * tells both, named. A discontinuation applied before its registration (a parked registration replayed later) ends
 * the same way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OfferingDiscontinuedTest implements TestPropertyProvider {

    private static final String INSTITUTION = "windesheim";
    private static final Actor STAFF = new Actor("windesheim-staff", "Staff member, Windesheim", INSTITUTION);
    private static final Actor OPERATOR = new Actor("admin", "Platform administrator", "platform");

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");

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
    void anEndedOfferingStaysMarkedAndOneRegisteredInErrorLeavesThePage() {
        String ended = UUID.randomUUID().toString();
        String mistaken = UUID.randomUUID().toString();
        String endedFirst = UUID.randomUUID().toString();
        publisher.publish(registered(ended, "Ad Watermanagement Ended", "Zwolle"));
        publisher.publish(new IntakeReported(ended, 2022, 17, false, STAFF));
        publisher.publish(new IntakeReported(ended, 2023, null, true, STAFF));
        publisher.publish(new OfferingDiscontinued(ended, OfferingDiscontinued.Reason.ENDED, 2023, STAFF));
        // Registered by an operator, not by Windesheim: its lines are Windesheim's by the offering alone.
        publisher.publish(new OfferingRegistered(mistaken, INSTITUTION, "Ad Watermanagement Typo", null, null, ProgrammeLevel.ASSOCIATE_DEGREE,
                ProgrammeForm.DUAAL, "Kampen", OPERATOR));
        publisher.publish(new OfferingDiscontinued(mistaken, OfferingDiscontinued.Reason.REGISTERED_IN_ERROR, null, OPERATOR));
        // The discontinuation first, then its registration: the same state as the other way round.
        publisher.publish(new OfferingDiscontinued(endedFirst, OfferingDiscontinued.Reason.ENDED, 2027, STAFF));
        publisher.publish(registered(endedFirst, "Ad Watermanagement Later", "Zwolle"));
        Projected.caughtUp(overview);

        List<Map<String, Object>> inZwolle = ((List<Map<String, Object>>) get("/api/overview/regions/Overijssel?institution=" + INSTITUTION)
                .get("municipalities")).stream().filter(m -> "Zwolle".equals(m.get("municipality")))
                .flatMap(m -> ((List<Map<String, Object>>) m.get("existing")).stream())
                .filter(o -> ((String) o.get("programme")).startsWith("Ad Watermanagement")).toList();
        assertThat(inZwolle).extracting(o -> o.get("programme") + " " + o.get("lastIntakeYear") + " " + o.get("intake")).containsExactlyInAnyOrder(
                "Ad Watermanagement Ended 2023 {2022=17, 2023=<5}", "Ad Watermanagement Later 2027 {}");
        assertThat(((List<Map<String, Object>>) get("/api/overview/regions/Overijssel?institution=" + INSTITUTION).get("municipalities")))
                .noneMatch(m -> "Kampen".equals(m.get("municipality")));

        // The institution's register, in every province: the ended ones marked, the one in error left out.
        List<Map<String, Object>> register = (List<Map<String, Object>>) get("/api/overview/offerings?institution=" + INSTITUTION).get("offerings");
        assertThat(register).filteredOn(p -> ((String) ((Map<String, Object>) p.get("offering")).get("programme")).startsWith("Ad Watermanagement"))
                .extracting(p -> p.get("province") + " " + ((Map<String, Object>) p.get("offering")).get("programme") + " "
                        + ((Map<String, Object>) p.get("offering")).get("lastIntakeYear"))
                .containsExactly("Overijssel Ad Watermanagement Ended 2023", "Overijssel Ad Watermanagement Later 2027");
        io.micronaut.http.client.exceptions.HttpClientResponseException missing = org.junit.jupiter.api.Assertions.assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class, () -> get("/api/overview/offerings"));
        assertThat(missing.getStatus().getCode()).isEqualTo(400);
        assertThat(missing.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"institution\"");

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/Overijssel.csv?institution=" + INSTITUTION)
                .bearerAuth(reader), String.class);
        assertThat(csv).contains("\"Zwolle\",\"existing\",\"windesheim\",\"Ad Watermanagement Ended\",,\"ASSOCIATE_DEGREE\",\"VOLTIJD\","
                + "\"ENDED (last intake 2023)\",\"2022: 17; 2023: <5\",")
                .doesNotContain("Typo");

        List<Map<String, Object>> lines = (List<Map<String, Object>>) get("/api/timeline?institution=" + INSTITUTION + "&kind=nl.programmes.offering.discontinued.v1")
                .get("entries");
        assertThat(lines).extracting(l -> (String) l.get("textNl")).contains(
                "windesheim Ad Watermanagement Ended (voltijd, Zwolle) wordt beëindigd: de laatste instroom is in 2023.",
                "windesheim Ad Watermanagement Typo (duaal, Kampen) is uit het register gehaald: ten onrechte geregistreerd.");
        // The page leaves it out; the timeline of its institution and of its province keeps its story.
        for (String filter : List.of("institution=" + INSTITUTION, "region=Overijssel")) {
            assertThat((List<Map<String, Object>>) get("/api/timeline?size=200&" + filter + "&kind=offering").get("entries"))
                    .extracting(l -> (String) l.get("textNl")).as(filter).contains(
                            "windesheim biedt Ad Watermanagement Typo aan in Kampen (duaal).",
                            "windesheim Ad Watermanagement Typo (duaal, Kampen) is uit het register gehaald: ten onrechte geregistreerd.");
        }
        // Another one taken out after those reads: the filter's offerings in error are read again (they are kept per
        // state of the offerings).
        String second = UUID.randomUUID().toString();
        publisher.publish(new OfferingRegistered(second, INSTITUTION, "Ad Watermanagement Second", null, null, ProgrammeLevel.ASSOCIATE_DEGREE,
                ProgrammeForm.DEELTIJD, "Kampen", OPERATOR));
        publisher.publish(new OfferingDiscontinued(second, OfferingDiscontinued.Reason.REGISTERED_IN_ERROR, null, OPERATOR));
        Projected.caughtUp(overview);
        assertThat((List<Map<String, Object>>) get("/api/timeline?size=200&institution=" + INSTITUTION + "&kind=offering").get("entries"))
                .extracting(l -> (String) l.get("textNl"))
                .contains("windesheim Ad Watermanagement Second (deeltijd, Kampen) is uit het register gehaald: ten onrechte geregistreerd.");
        assertThat(lines).extracting(l -> (String) l.get("textEn")).contains(
                "windesheim Ad Watermanagement Ended (voltijd, Zwolle) is ending: its last intake is in 2023.");
    }

    /**
     * A later discontinuation of the same offering corrects the earlier (the latest applies): another last intake year
     * is shown in its place, and an ended offering found registered in error leaves the page and the register, its
     * story kept on its institution's timeline.
     */
    @Test
    void aCorrectedEndingReplacesTheEarlierOne() {
        String year = UUID.randomUUID().toString();
        String never = UUID.randomUUID().toString();
        publisher.publish(registered(year, "Ad Bouwkunde Corrected", "Deventer"));
        publisher.publish(new IntakeReported(year, 2024, 22, false, STAFF));
        publisher.publish(new OfferingDiscontinued(year, OfferingDiscontinued.Reason.ENDED, 2024, STAFF));
        publisher.publish(new OfferingDiscontinued(year, OfferingDiscontinued.Reason.ENDED, 2026, STAFF));
        publisher.publish(registered(never, "Ad Bouwkunde Never", "Deventer"));
        publisher.publish(new OfferingDiscontinued(never, OfferingDiscontinued.Reason.ENDED, 2025, STAFF));
        publisher.publish(new OfferingDiscontinued(never, OfferingDiscontinued.Reason.REGISTERED_IN_ERROR, null, STAFF));
        Projected.caughtUp(overview);

        List<Map<String, Object>> register = (List<Map<String, Object>>) get("/api/overview/offerings?institution=" + INSTITUTION).get("offerings");
        assertThat(register).extracting(p -> (Map<String, Object>) p.get("offering"))
                .filteredOn(o -> ((String) o.get("programme")).startsWith("Ad Bouwkunde"))
                .extracting(o -> o.get("programme") + " " + o.get("lastIntakeYear") + " " + o.get("intake"))
                .containsExactly("Ad Bouwkunde Corrected 2026 {2024=22}");
        assertThat((List<Map<String, Object>>) get("/api/timeline?size=200&institution=" + INSTITUTION + "&kind=offering.discontinued")
                .get("entries")).extracting(l -> (String) l.get("textNl")).contains(
                "windesheim Ad Bouwkunde Corrected (voltijd, Deventer) wordt beëindigd: de laatste instroom is in 2024.",
                "windesheim Ad Bouwkunde Corrected (voltijd, Deventer) wordt beëindigd: de laatste instroom is in 2026.",
                "windesheim Ad Bouwkunde Never (voltijd, Deventer) wordt beëindigd: de laatste instroom is in 2025.",
                "windesheim Ad Bouwkunde Never (voltijd, Deventer) is uit het register gehaald: ten onrechte geregistreerd.");
    }

    /**
     * An ended offering whose ending is withdrawn runs on: on its region's page and in the register without a last intake
     * year, and its story on the timeline says so. The same event again changes nothing.
     */
    @Test
    void anEndedOfferingWhoseEndingIsWithdrawnRunsOn() {
        String id = UUID.randomUUID().toString();
        publisher.publish(registered(id, "Ad Bouwkunde Resumed", "Zwolle"));
        publisher.publish(new IntakeReported(id, 2024, 19, false, STAFF));
        publisher.publish(new OfferingDiscontinued(id, OfferingDiscontinued.Reason.ENDED, 2024, STAFF));
        Projected.caughtUp(overview);
        assertThat(resumedInRegister()).containsExactly("Ad Bouwkunde Resumed 2024 {2024=19}");

        // Delivered twice (the same envelope, as a redelivery brings it): applied once.
        var resumed = publisher.publish(new OfferingResumed(id, STAFF));
        publisher.publish(nl.programmes.events.Topics.PROGRAMME_OFFERINGS, resumed);
        publisher.publish(new IntakeReported(id, 2025, 23, false, STAFF));
        Projected.caughtUp(overview);
        assertThat(resumedInRegister()).containsExactly("Ad Bouwkunde Resumed null {2024=19, 2025=23}");
        assertThat(((List<Map<String, Object>>) get("/api/overview/regions/Overijssel?institution=" + INSTITUTION).get("municipalities")).stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.get("existing")).stream())
                .filter(o -> "Ad Bouwkunde Resumed".equals(o.get("programme")))).singleElement()
                .satisfies(o -> assertThat(o.get("lastIntakeYear")).isNull());
        Map<String, Object> line = ((List<Map<String, Object>>) get("/api/timeline?size=200&institution=" + INSTITUTION
                + "&kind=nl.programmes.offering.resumed.v1").get("entries")).stream()
                .filter(l -> ((String) l.get("textNl")).contains("Ad Bouwkunde Resumed")).reduce((a, b) -> {
                    throw new AssertionError("one line for the resumption, also when its event came twice: " + a + ", " + b);
                }).orElseThrow();
        assertThat(line.get("textNl")).isEqualTo("windesheim Ad Bouwkunde Resumed (voltijd, Zwolle) loopt toch door: de beëindiging is ingetrokken.");
        assertThat(line.get("textEn")).isEqualTo("windesheim Ad Bouwkunde Resumed (voltijd, Zwolle) runs on after all: its ending was withdrawn.");
    }

    private List<String> resumedInRegister() {
        return ((List<Map<String, Object>>) get("/api/overview/offerings?institution=" + INSTITUTION).get("offerings")).stream()
                .map(p -> (Map<String, Object>) p.get("offering")).filter(o -> "Ad Bouwkunde Resumed".equals(o.get("programme")))
                .map(o -> o.get("programme") + " " + o.get("lastIntakeYear") + " " + o.get("intake")).toList();
    }

    private static OfferingRegistered registered(String id, String programme, String location) {
        return new OfferingRegistered(id, INSTITUTION, programme, null, null, ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD,
                location, STAFF);
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(reader), Map.class);
    }
}
