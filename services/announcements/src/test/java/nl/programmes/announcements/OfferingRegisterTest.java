package nl.programmes.announcements;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Topics;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The register of existing offerings, with the demo case's intake table. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferingRegisterTest implements TestPropertyProvider {

    /** A slice of the intake table in demo-case.md, plus two rows that must be rejected. */
    static final String INTAKE_TABLE = """
            institution,programme,form,location,2018,2019,2020,2021,2022,2023
            hva,Ad Smart Media Production,voltijd,Amsterdam,,,,,18,72
            hr,Ad Smart Media Production,voltijd,Rotterdam,no intake yet,,,,,
            nhlstenden,Ad Creative Media Professional (80151),voltijd,Leeuwarden,8,34,30,33,22,31
            zuyd,Ad ICT,deeltijd,Heerlen,,,,<5,16,16
            hr,Ad ICT Internet of Things,deeltijd,Rotterdam,,,7,<5,,
            zuyd,Ad ICT,fulltime,Heerlen,92,53,88,67,47,48
            hku,Ad Design/Digital Media,voltijd,Utrecht,31,29,many,27,37,34
            """;

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final String admin = TestPlatform.get().tokens().mint("admin", "platform", "ADMIN");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties();
    }

    @Test
    void importRegistersRowsKeepsSuppressedFiguresAndReportsRejects() {
        Map<?, ?> report = importTable(INTAKE_TABLE);

        assertThat(report.get("rowsAccepted")).isEqualTo(5);
        assertThat(report.get("offeringsRegistered")).isEqualTo(5);
        assertThat(report.get("figuresReported")).isEqualTo(2 + 6 + 3 + 2);
        List<?> rejected = (List<?>) report.get("rejected");
        assertThat(rejected).extracting(r -> (Object) ((Map<?, ?>) r).get("line")).containsExactly(7, 8);
        assertThat(rejected).extracting(r -> (String) ((Map<?, ?>) r).get("reason"))
                .anySatisfy(reason -> assertThat(reason).contains("'fulltime' is not a form"))
                .anySatisfy(reason -> assertThat(reason).contains("'many' is not an intake"));
        // The column at fault and what is wrong, apart, for a page to put in its own words.
        assertThat(rejected).extracting(r -> ((Map<?, ?>) r).get("field") + " | " + ((Map<?, ?>) r).get("message")).containsExactly(
                "form | 'fulltime' is not a form: voltijd, deeltijd, duaal, bol or bbl",
                "2020 | 'many' is not an intake: use a whole number or <5");

        String zuydAdIct = offeringIdOnLine(report, 5);
        Map<?, ?> offering = http.toBlocking().retrieve(HttpRequest.GET("/api/offerings/" + zuydAdIct).bearerAuth(admin), Map.class);
        assertThat(offering.get("intake")).isEqualTo(Map.of("2021", "<5", "2022", "16", "2023", "16"));
        assertThat(announcements.count("SELECT COUNT(*) FROM offering_intake WHERE suppressed AND intake_count IS NULL")).isEqualTo(2);

        String nhl = offeringIdOnLine(report, 4);
        Map<?, ?> creativeMedia = http.toBlocking().retrieve(HttpRequest.GET("/api/offerings/" + nhl).bearerAuth(admin), Map.class);
        assertThat(creativeMedia.get("programmeName")).isEqualTo("Ad Creative Media Professional");
        assertThat(creativeMedia.get("isatCode")).isEqualTo("80151");
        assertThat(creativeMedia.get("level")).isEqualTo("ASSOCIATE_DEGREE");

        // The relay publishes a moment after the commit, and the topic holds other tests' events too: wait until
        // this test's events are there, rather than for a count of records.
        TestPlatform.eventually().untilAsserted(() -> {
            List<EventProbe.Published> events = EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                    announcements.topic(Topics.PROGRAMME_OFFERINGS));
            assertThat(events.stream().filter(e -> e.event().type().equals("nl.programmes.offering.intake-reported.v1")
                    && e.body().contains("\"suppressed\":true"))).hasSize(2)
                    .allSatisfy(e -> assertThat(e.body()).doesNotContain("\"count\":"));
        });
    }

    @Test
    void importingTheSameTableTwiceChangesNothing() {
        String table = """
                institution,programme,form,location,2022,2023
                hu,Ad Online Contentcreator (80150),voltijd,Amersfoort,89,120
                """;
        importTable(table);
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");
        long offerings = announcements.count("SELECT COUNT(*) FROM offering");

        Map<?, ?> again = importTable(table);

        assertThat(again.get("rowsAccepted")).isEqualTo(1);
        assertThat(again.get("offeringsRegistered")).isEqualTo(0);
        assertThat(again.get("figuresReported")).isEqualTo(0);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
        assertThat(announcements.count("SELECT COUNT(*) FROM offering")).isEqualTo(offerings);
    }

    /** A dry run reports what the import would do, row by row, by the same rules, and writes and publishes nothing. */
    @Test
    void aDryRunSaysWhatTheImportWouldDoAndRecordsNothing() {
        String table = """
                institution,programme,form,location,2022,2023
                windesheim,Ad Proefdraaien,voltijd,Zwole,11,12
                windesheim,Ad Proefdraaien,fulltime,Zwolle,11,12
                """;
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");
        long offerings = announcements.count("SELECT COUNT(*) FROM offering");

        Map<?, ?> preview = http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/import?dryRun=true", table)
                .contentType(MediaType.of("text/csv")).bearerAuth(admin), Map.class);
        assertThat(preview.get("rowsAccepted")).isEqualTo(1);
        assertThat(preview.get("offeringsRegistered")).isEqualTo(1);
        assertThat(preview.get("figuresReported")).isEqualTo(2);
        assertThat((List<Map<String, Object>>) preview.get("accepted")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("line", 2).containsEntry("institution", "windesheim").containsEntry("programmeName", "Ad Proefdraaien")
                .containsEntry("location", "Zwole").containsEntry("registered", true));
        assertThat((List<?>) preview.get("rejected")).hasSize(1);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
        assertThat(announcements.count("SELECT COUNT(*) FROM offering")).isEqualTo(offerings);

        Map<?, ?> imported = importTable(table);
        assertThat(imported.get("offeringsRegistered")).isEqualTo(1);
        assertThat(imported.get("figuresReported")).isEqualTo(2);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 3);
    }

    /** A changed figure replaces the one recorded; a year the service refuses leaves its whole row out, offering and all. */
    @Test
    void aChangedFigureReplacesTheOldAndARefusedYearLeavesItsRowOut() {
        Map<?, ?> first = importTable("""
                institution,programme,form,location,2022,2023
                zuyd,Ad Data Engineering,voltijd,Sittard,21,16
                """);
        String id = offeringIdOnLine(first, 2);
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");

        Map<?, ?> corrected = importTable("""
                institution,programme,form,location,2022,2023
                zuyd,Ad Data Engineering,voltijd,Sittard,21,17
                """);
        assertThat(corrected.get("figuresReported")).isEqualTo(1);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 1);
        Map<?, ?> offering = http.toBlocking().retrieve(HttpRequest.GET("/api/offerings/" + id).bearerAuth(admin), Map.class);
        assertThat(offering.get("intake")).isEqualTo(Map.of("2022", "21", "2023", "17"));

        int tooLate = java.time.Year.now().getValue() + 2;
        Map<?, ?> refused = importTable("institution,programme,form,location,2023," + tooLate + "\n"
                + "zuyd,Ad Cloud Engineering,voltijd,Sittard,12,30\n");
        assertThat(refused.get("rowsAccepted")).isEqualTo(0);
        assertThat((List<Map<String, Object>>) refused.get("rejected")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("field", "studyYear").containsEntry("message", "must be between 1990 and " + (tooLate - 1)));
        assertThat(announcements.count("SELECT COUNT(*) FROM offering WHERE programme_name = 'Ad Cloud Engineering'")).isZero();
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 1);
    }

    /** As Excel with Dutch settings saves a sheet: semicolons, columns named in Dutch; a row of another institution's. */
    @Test
    void aTableFromDutchExcelIsReadAndStaffImportOnlyTheirOwnRows() {
        String hu = TestPlatform.get().tokens().mint("hu-staff", "hu", "INSTITUTION_STAFF");
        Map<?, ?> report = http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/import",
                "\uFEFFInstelling;Opleiding;Vorm;Vestiging;2022;2023\r\n"
                        + "hu;Ad Creatieve Technologie (80160);voltijd;Utrecht;41;9\r\n"
                        + "hr;Ad Creatieve Technologie (80160);voltijd;Rotterdam;12;14\r\n")
                .contentType(MediaType.of("text/csv")).bearerAuth(hu), Map.class);

        assertThat(report.get("rowsAccepted")).isEqualTo(1);
        assertThat(report.get("figuresReported")).isEqualTo(2);
        Map<String, Object> offering = http.toBlocking().retrieve(HttpRequest.GET("/api/offerings/" + offeringIdOnLine(report, 2))
                .bearerAuth(hu), Map.class);
        assertThat(offering).containsEntry("programmeName", "Ad Creatieve Technologie").containsEntry("isatCode", "80160")
                .containsEntry("location", "Utrecht").containsEntry("intake", Map.of("2022", "41", "2023", "9"));
        assertThat((List<Map<String, Object>>) report.get("rejected")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("line", 3).containsEntry("field", "institution").containsEntry("message", "hu may not register offerings for hr"));
        assertThat(announcements.count("SELECT COUNT(*) FROM offering WHERE institution_id = 'hr' AND programme_name = 'Ad Creatieve Technologie'"))
                .isZero();
    }

    @Test
    void staffMayRegisterOnlyTheirOwnOfferings() {
        String hu = TestPlatform.get().tokens().mint("hu-staff", "hu", "INSTITUTION_STAFF");
        Map<String, Object> own = Map.of("institution", "hu", "programmeName", "Ad Digitale Techniek & Media",
                "level", "ASSOCIATE_DEGREE", "form", "VOLTIJD", "location", "Amersfoort");
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/offerings", own).bearerAuth(hu), Map.class);
        assertThat(created.code()).isEqualTo(201);
        String id = (String) created.body().get("id");

        Map<?, ?> withIntake = http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/intake",
                Map.of("studyYear", 2023, "intake", "37")).bearerAuth(hu), Map.class);
        assertThat(withIntake.get("intake")).isEqualTo(Map.of("2023", "37"));

        Map<String, Object> others = Map.of("institution", "hr", "programmeName", "Ad ICT Internet of Things",
                "level", "ASSOCIATE_DEGREE", "form", "VOLTIJD", "location", "Rotterdam");
        HttpClientResponseException denied = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/offerings", others).bearerAuth(hu), Map.class));
        assertThat(denied.getStatus().getCode()).isEqualTo(403);
    }

    /**
     * An ended offering keeps its figures up to its last intake year and takes none after it; asking again changes
     * nothing; another institution's staff may not end it; bad input names each field and writes nothing.
     */
    @Test
    void anEndedOfferingKeepsItsFiguresAndTakesNoneAfterItsLastIntakeYear() {
        String hu = TestPlatform.get().tokens().mint("hu-staff", "hu", "INSTITUTION_STAFF");
        String id = offeringIdOnLine(importTable("""
                institution,programme,form,location,2021,2022,2023
                hu,Ad Maritieme Techniek,deeltijd,Utrecht,14,<5,9
                """), 2);
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");

        Map<String, Object> problem = refused(422, "/api/offerings/" + id + "/discontinue", Map.of("reason", "ENDED", "lastIntakeYear", 2022), hu);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "lastIntakeYear", "message", "intake is recorded for 2023, after that year")));
        problem = refused(422, "/api/offerings/" + id + "/discontinue", Map.of("reason", "ENDED"), hu);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "lastIntakeYear", "message", "is required for ENDED")));
        problem = refused(400, "/api/offerings/" + id + "/discontinue", Map.of("reason", "STOPPED", "lastIntakeYear", 1800), hu);
        assertThat(((List<Map<String, Object>>) problem.get("errors"))).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("reason", "lastIntakeYear");
        String hr = TestPlatform.get().tokens().mint("hr-staff", "hr", "INSTITUTION_STAFF");
        refused(403, "/api/offerings/" + id + "/discontinue", Map.of("reason", "ENDED", "lastIntakeYear", 2023), hr);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);

        // With an Idempotency-Key, as the portal's form sends it: a repeat is answered as the first was.
        String key = java.util.UUID.randomUUID().toString();
        Map<?, ?> ended = http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/discontinue",
                Map.of("reason", "ENDED", "lastIntakeYear", 2023)).header("Idempotency-Key", key).bearerAuth(hu), Map.class);
        HttpResponse<Map> replayed = http.toBlocking().exchange(HttpRequest.POST("/api/offerings/" + id + "/discontinue",
                Map.of("reason", "ENDED", "lastIntakeYear", 2023)).header("Idempotency-Key", key).bearerAuth(hu), Map.class);
        assertThat(replayed.getHeaders().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ended.get("discontinued")).isEqualTo(Map.of("reason", "ENDED", "lastIntakeYear", 2023));
        assertThat(ended.get("intake")).isEqualTo(Map.of("2021", "14", "2022", "<5", "2023", "9"));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 1);

        // Again, the same: nothing new. A correction to a year before a recorded figure: refused, as at first.
        discontinue(id, Map.of("reason", "ENDED", "lastIntakeYear", 2023), hu);
        problem = refused(422, "/api/offerings/" + id + "/discontinue", Map.of("reason", "ENDED", "lastIntakeYear", 2022), hu);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "lastIntakeYear", "message", "intake is recorded for 2023, after that year")));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 1);

        // A correction of a year it ran is taken; a figure for a later year is not, by hand or in a table.
        http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/intake", Map.of("studyYear", 2023, "intake", "10"))
                .bearerAuth(hu), Map.class);
        problem = refused(422, "/api/offerings/" + id + "/intake", Map.of("studyYear", 2024, "intake", "12"), hu);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "studyYear", "message",
                "the offering took its last first-year students in 2023")));
        Map<?, ?> report = importTable("""
                institution,programme,form,location,2023,2024
                hu,Ad Maritieme Techniek,deeltijd,Utrecht,10,12
                """);
        assertThat((List<Map<String, Object>>) report.get("rejected")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("field", "studyYear").containsEntry("message", "the offering took its last first-year students in 2023"));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 2);

        // The last intake year was wrong: corrected, the later figure is taken, and both endings are on the topic in order.
        Map<?, ?> corrected = discontinue(id, Map.of("reason", "ENDED", "lastIntakeYear", 2024), hu);
        assertThat(corrected.get("discontinued")).isEqualTo(Map.of("reason", "ENDED", "lastIntakeYear", 2024));
        http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/intake", Map.of("studyYear", 2024, "intake", "12"))
                .bearerAuth(hu), Map.class);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox + 4);

        TestPlatform.eventually().untilAsserted(() -> assertThat(EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                announcements.topic(Topics.PROGRAMME_OFFERINGS)).stream().filter(e -> e.event().type().equals("nl.programmes.offering.discontinued.v1")
                && e.body().contains(id))).satisfiesExactly(
                        e -> assertThat(e.body()).contains("\"reason\":\"ENDED\"", "\"lastIntakeYear\":2023", "\"organisationId\":\"hu\""),
                        e -> assertThat(e.body()).contains("\"reason\":\"ENDED\"", "\"lastIntakeYear\":2024")));
    }

    /**
     * An ended offering found never to have existed is taken out as registered in error after all, which gives up its key;
     * that is final: a correction back is refused, naming the reason, and publishes nothing.
     */
    @Test
    void anEndedOfferingFoundRegisteredInErrorIsTakenOutForGood() {
        String table = """
                institution,programme,form,location,2022
                saxion,Ad Hotelmanagement,duaal,Hengelo,8
                """;
        String id = offeringIdOnLine(importTable(table), 2);
        discontinue(id, Map.of("reason", "ENDED", "lastIntakeYear", 2022), admin);
        Map<?, ?> taken = discontinue(id, Map.of("reason", "REGISTERED_IN_ERROR"), admin);
        assertThat(taken.get("discontinued")).isEqualTo(Map.of("reason", "REGISTERED_IN_ERROR"));
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");

        Map<String, Object> problem = refused(422, "/api/offerings/" + id + "/discontinue", Map.of("reason", "ENDED", "lastIntakeYear", 2022), admin);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "reason", "message",
                "the offering was taken out as registered in error, which is final; register the offering that was meant")));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
        assertThat(offeringIdOnLine(importTable(table), 2)).isNotEqualTo(id);
    }

    /**
     * An ended offering runs on after all: its ending is withdrawn (one event), it takes figures for later years again, and
     * withdrawing it again changes nothing. Only its institution may; one taken out as registered in error stays so.
     */
    @Test
    void anEndedOfferingRunsOnWhenItsEndingIsWithdrawn() {
        String hu = TestPlatform.get().tokens().mint("hu-staff", "hu", "INSTITUTION_STAFF");
        String id = offeringIdOnLine(importTable("""
                institution,programme,form,location,2022,2023
                hu,Ad Creatief Ondernemen,voltijd,Amersfoort,21,24
                """), 2);
        discontinue(id, Map.of("reason", "ENDED", "lastIntakeYear", 2023), hu);
        long outbox = announcements.count("SELECT COUNT(*) FROM outbox");
        String hr = TestPlatform.get().tokens().mint("hr-staff", "hr", "INSTITUTION_STAFF");
        HttpClientResponseException other = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.DELETE("/api/offerings/" + id + "/discontinuation").bearerAuth(hr), Map.class));
        assertThat(other.getStatus().getCode()).isEqualTo(403);

        Map<?, ?> resumed = http.toBlocking().retrieve(HttpRequest.DELETE("/api/offerings/" + id + "/discontinuation").bearerAuth(hu), Map.class);
        assertThat(resumed.get("discontinued")).isNull();
        assertThat(resumed.get("intake")).isEqualTo(Map.of("2022", "21", "2023", "24"));
        http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/intake", Map.of("studyYear", 2024, "intake", "19"))
                .bearerAuth(hu), Map.class);
        http.toBlocking().retrieve(HttpRequest.DELETE("/api/offerings/" + id + "/discontinuation").bearerAuth(hu), Map.class);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).as("the resumption and the 2024 figure").isEqualTo(outbox + 2);
        TestPlatform.eventually().untilAsserted(() -> assertThat(EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                announcements.topic(Topics.PROGRAMME_OFFERINGS)).stream().filter(e -> e.event().type().equals("nl.programmes.offering.resumed.v1")
                && e.body().contains(id))).singleElement().satisfies(e -> assertThat(e.body()).contains("\"organisationId\":\"hu\"")));

        discontinue(id, Map.of("reason", "REGISTERED_IN_ERROR"), hu);
        HttpClientResponseException taken = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.DELETE("/api/offerings/" + id + "/discontinuation").bearerAuth(hu), Map.class));
        assertThat(taken.getStatus().getCode()).isEqualTo(422);
        assertThat(taken.getResponse().getBody(Map.class).orElseThrow().get("errors")).isEqualTo(List.of(Map.of("field", "reason", "message",
                "the offering was taken out as registered in error, which is final; register the offering that was meant")));
    }

    /** An offering registered in error takes no figures, and the offering that was meant can be registered under its key. */
    @Test
    void anOfferingRegisteredInErrorGivesUpItsPlaceInTheRegister() {
        String table = """
                institution,programme,form,location,2023
                saxion,Ad Retailmanagement,voltijd,Deventer,31
                """;
        String id = offeringIdOnLine(importTable(table), 2);
        Map<?, ?> taken = discontinue(id, Map.of("reason", "REGISTERED_IN_ERROR"), admin);
        assertThat(taken.get("discontinued")).isEqualTo(Map.of("reason", "REGISTERED_IN_ERROR"));
        Map<String, Object> problem = refused(422, "/api/offerings/" + id + "/intake", Map.of("studyYear", 2023, "intake", "30"), admin);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "studyYear", "message",
                "the offering was registered in error and takes no figures")));

        Map<?, ?> again = importTable(table);
        assertThat(again.get("offeringsRegistered")).isEqualTo(1);
        assertThat(offeringIdOnLine(again, 2)).isNotEqualTo(id);
    }

    /** Takes the offering out (or corrects how it was), as the token's caller; the offering as the service answers it. */
    private Map<?, ?> discontinue(String id, Map<String, Object> body, String token) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/" + id + "/discontinue", body).bearerAuth(token), Map.class);
    }

    private Map<String, Object> refused(int status, String uri, Map<String, Object> body, String token) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(uri, body).bearerAuth(token), Map.class));
        assertThat(error.getStatus().getCode()).isEqualTo(status);
        return error.getResponse().getBody(Map.class).orElse(Map.of());
    }

    @Test
    void badIntakeNamesTheField() {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/offerings/" + java.util.UUID.randomUUID() + "/intake",
                        Map.of("studyYear", 1850, "intake", "five")).bearerAuth(admin), Map.class));
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        assertThat(((List<?>) problem.get("errors")).stream().map(e -> (Object) ((Map<?, ?>) e).get("field")))
                .containsExactlyInAnyOrder("studyYear", "intake");
    }

    private Map<?, ?> importTable(String csv) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/offerings/import", csv)
                .contentType(MediaType.of("text/csv")).bearerAuth(admin), Map.class);
    }

    private static String offeringIdOnLine(Map<?, ?> report, int line) {
        return ((List<?>) report.get("accepted")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> r.get("line").equals(line)).map(r -> (String) r.get("offeringId")).findFirst().orElseThrow();
    }
}
