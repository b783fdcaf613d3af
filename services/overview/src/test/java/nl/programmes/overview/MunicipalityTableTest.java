package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.offering.OfferingRegistered;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An administrator places a municipality the table does not hold in one of its provinces: the programmes shown under
 * "region unknown" are in that province's page at once. Others may read the table, not change it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class MunicipalityTableTest implements TestPropertyProvider {

    private static final String PLACE = "Nergenshuizen";

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");
    private final String admin = TestPlatform.get().tokens().mint("admin", "platform", "ADMIN");

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
    void anAdministratorPlacesAnUnknownMunicipalityAndItsProgrammesMoveThereAtOnce() {
        publisher.publish(new OfferingRegistered(UUID.randomUUID().toString(), "hu", "Ad Nergens Media", null, null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD, PLACE, new Actor("admin", "Admin", "platform")));
        Projected.caughtUp(overview);
        assertThat((List<String>) get("/api/overview/regions").get("unknownMunicipalities")).contains(PLACE);

        // Not an administrator: refused. A province the table does not hold (a typo): named. Nothing changes.
        assertThat(assertThrows(HttpClientResponseException.class, () -> put(reader, PLACE, Map.of("province", "Utrecht")))
                .getStatus().getCode()).isEqualTo(403);
        HttpClientResponseException typo = assertThrows(HttpClientResponseException.class,
                () -> put(admin, PLACE, Map.of("province", "Utrech")));
        assertThat(typo.getStatus().getCode()).isEqualTo(422);
        assertThat(typo.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"province\"")
                .contains("is not one of the table's provinces (").contains("Utrecht");
        assertThat(municipalities()).noneMatch(m -> PLACE.equals(m.get("municipality")));

        HttpResponse<Map> added = put(admin, PLACE, Map.of("province", "Utrecht", "labourMarketRegion", "Midden-Utrecht"));
        assertThat(added.code()).isEqualTo(201);
        assertThat(municipalities()).contains(Map.of("municipality", PLACE, "province", "Utrecht", "labourMarketRegion", "Midden-Utrecht"));
        // At once: the next answers place its programme in Utrecht, not under "region unknown".
        assertThat((List<String>) get("/api/overview/regions").get("unknownMunicipalities")).doesNotContain(PLACE);
        List<Map<String, Object>> inUtrecht = (List<Map<String, Object>>) get("/api/overview/regions/Utrecht").get("municipalities");
        assertThat(inUtrecht).filteredOn(m -> PLACE.equals(m.get("municipality"))).singleElement()
                .satisfies(m -> assertThat(m.get("labourMarketRegion")).isEqualTo("Midden-Utrecht"))
                .satisfies(m -> assertThat((List<Map<String, Object>>) m.get("existing")).extracting(o -> o.get("programme"))
                        .containsExactly("Ad Nergens Media"));

        // A programme at the same place in other letters is placed as the table's key compares it: in its section.
        publisher.publish(new OfferingRegistered(UUID.randomUUID().toString(), "hu", "Ad Nergens Design", null, null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.DEELTIJD, PLACE.toUpperCase(java.util.Locale.ROOT),
                new Actor("admin", "Admin", "platform")));
        Projected.caughtUp(overview);
        assertThat((List<String>) get("/api/overview/regions").get("unknownMunicipalities")).noneMatch(PLACE::equalsIgnoreCase);
        assertThat((List<Map<String, Object>>) get("/api/overview/regions/Utrecht").get("municipalities"))
                .filteredOn(m -> PLACE.equalsIgnoreCase((String) m.get("municipality"))).singleElement()
                .satisfies(m -> assertThat(m.get("municipality")).isEqualTo(PLACE))
                .satisfies(m -> assertThat((List<Map<String, Object>>) m.get("existing")).extracting(o -> o.get("programme"))
                        .containsExactlyInAnyOrder("Ad Nergens Media", "Ad Nergens Design"));
        // So placing it in other letters is refused (it is placed already; writing it would move the other), and the
        // place stays where it was.
        HttpClientResponseException otherLetters = assertThrows(HttpClientResponseException.class,
                () -> put(admin, PLACE.toLowerCase(java.util.Locale.ROOT), Map.of("province", "Gelderland")));
        assertThat(otherLetters.getStatus().getCode()).isEqualTo(422);
        assertThat(otherLetters.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"municipality\"")
                .contains("is in the table as " + PLACE);
        assertThat(municipalities()).contains(Map.of("municipality", PLACE, "province", "Utrecht", "labourMarketRegion", "Midden-Utrecht"));

        // Placed again, elsewhere: moved (200), and the table holds it once.
        assertThat(put(admin, PLACE, Map.of("province", "Gelderland")).code()).isEqualTo(200);
        assertThat(municipalities()).filteredOn(m -> PLACE.equals(m.get("municipality"))).singleElement()
                .satisfies(m -> assertThat(m.get("province")).isEqualTo("Gelderland"));
    }

    /**
     * A municipality file, previewed and then imported: what it adds and moves, the places it leaves as they are, and
     * the programmes under "region unknown" it places. A file with a row that does not read writes nothing, and only an
     * administrator imports. Fictional places only: the tests of this JVM share the table.
     */
    @Test
    void anAdministratorBringsTheTableUpToDateFromAFileSeeingFirstWhatItWouldDo() {
        publisher.publish(new OfferingRegistered(UUID.randomUUID().toString(), "hu", "Ad Verweg Media", null, null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD, "Verweggistan", new Actor("admin", "Admin", "platform")));
        Projected.caughtUp(overview);
        put(admin, "Oudedorp", Map.of("province", "Utrecht", "labourMarketRegion", "Amersfoort"));
        List<Map<String, Object>> before = municipalities();
        String file = "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\r\n"
                + "9901;GM9901;Verweggistan;26;PV26;Utrecht\r\n"
                + "9902;GM9902;Oudedorp;25;PV25;Gelderland\r\n"
                + "0153;GM0153;Enschede;23;PV23;Overijssel\r\n";

        // Only an administrator; a row that does not read is named by its line and column, and nothing is written.
        assertThat(assertThrows(HttpClientResponseException.class, () -> importFile(reader, file, false)).getStatus().getCode()).isEqualTo(403);
        HttpClientResponseException unreadable = assertThrows(HttpClientResponseException.class,
                () -> importFile(admin, file + "9903;GM9903;Nieuwdorp;26;PV26;\r\n", false));
        assertThat(unreadable.getStatus().getCode()).isEqualTo(422);
        assertThat(unreadable.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"lines[5].province\"").contains("is empty");
        HttpClientResponseException headless = assertThrows(HttpClientResponseException.class, () -> importFile(admin, "naam;code\n", false));
        assertThat(headless.getStatus().getCode()).isEqualTo(422);
        assertThat(headless.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"file\"").contains("no municipality column");
        assertThat(municipalities()).isEqualTo(before);

        // The preview: what it would do, and still nothing written.
        Map<String, Object> preview = importFile(admin, file, true).body();
        assertThat(preview.get("imported")).isEqualTo(false);
        assertThat((List<Map<String, Object>>) preview.get("added")).containsExactly(Map.of("municipality", "Verweggistan", "province", "Utrecht"));
        assertThat((List<Map<String, Object>>) preview.get("moved")).containsExactly(Map.of("municipality", "Oudedorp", "fromProvince", "Utrecht",
                "fromLabourMarketRegion", "Amersfoort", "province", "Gelderland", "labourMarketRegion", "Amersfoort"));
        assertThat(preview.get("unchanged")).isEqualTo(1);
        assertThat((List<String>) preview.get("kept")).contains("Deventer").doesNotContain("Enschede", "Oudedorp");
        assertThat((List<String>) preview.get("placed")).containsExactly("Verweggistan");
        assertThat(municipalities()).isEqualTo(before);

        Map<String, Object> imported = importFile(admin, file, false).body();
        assertThat(imported.get("imported")).isEqualTo(true);
        assertThat(municipalities()).hasSize(before.size() + 1)
                .contains(Map.of("municipality", "Verweggistan", "province", "Utrecht"),
                        Map.of("municipality", "Oudedorp", "province", "Gelderland", "labourMarketRegion", "Amersfoort"))
                .containsAll(before.stream().filter(m -> !"Oudedorp".equals(m.get("municipality"))).toList());
        // At once, as a place put by hand: the programme leaves "region unknown".
        assertThat((List<String>) get("/api/overview/regions").get("unknownMunicipalities")).doesNotContain("Verweggistan");
        assertThat((List<Map<String, Object>>) get("/api/overview/regions/Utrecht").get("municipalities"))
                .filteredOn(m -> "Verweggistan".equals(m.get("municipality"))).singleElement()
                .satisfies(m -> assertThat((List<Map<String, Object>>) m.get("existing")).extracting(o -> o.get("programme"))
                        .containsExactly("Ad Verweg Media"));

        // The same file again changes nothing.
        Map<String, Object> again = importFile(admin, file, false).body();
        assertThat((List<?>) again.get("added")).isEmpty();
        assertThat((List<?>) again.get("moved")).isEmpty();
        assertThat(again.get("unchanged")).isEqualTo(3);
    }

    /**
     * The data-quality view names each place the table does not hold with whose programmes are there (an announcement by
     * its reference, to ask its institution about a typo), and counts the offerings registered without a place.
     */
    @Test
    void theDataQualityViewNamesEachUnknownPlaceWithWhoseProgrammesAreThere() {
        ProgrammeAnnounced demo = new DemoCaseEvents().announced();
        String typo = UUID.randomUUID().toString();
        publisher.publish(new ProgrammeAnnounced(typo, "DQ-001", "saxion", demo.programme(), List.of("Enschede", "Ensgede"),
                demo.intendedStart(), null, null, null, demo.actor()));
        publisher.publish(new OfferingRegistered(UUID.randomUUID().toString(), "saxion", "Ad Ensgede Media", null, null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.DEELTIJD, "Ensgede", new Actor("admin", "Admin", "platform")));
        publisher.publish(new OfferingRegistered(UUID.randomUUID().toString(), "hu", "Ad Nergens Anders", null, null,
                ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD, null, new Actor("admin", "Admin", "platform")));
        Projected.caughtUp(overview);

        Map<String, Object> quality = get("/api/overview/status/data-quality");
        assertThat((List<Map<String, Object>>) quality.get("unknownMunicipalities")).filteredOn(p -> "Ensgede".equals(p.get("municipality")))
                .singleElement().satisfies(place -> {
                    assertThat(place.get("existingOfferings")).isEqualTo(1);
                    assertThat((List<Map<String, Object>>) place.get("announcements"))
                            .containsExactly(Map.of("announcementId", typo, "reference", "DQ-001"));
                    assertThat((List<String>) place.get("institutions")).hasSize(1);
                });
        // Enschede, the announcement's other place, is known: only the typo is named.
        assertThat((List<Map<String, Object>>) quality.get("unknownMunicipalities")).noneMatch(p -> "Enschede".equals(p.get("municipality")));
        assertThat((Integer) quality.get("offeringsWithoutLocation")).isPositive();
    }

    /**
     * The table as a file, for a spreadsheet and back: both dialects name every municipality with its province and
     * region, and imported again as downloaded they change nothing.
     */
    @Test
    void theTableDownloadedAndImportedAgainAsItIsChangesNothing() {
        int size = municipalities().size();
        for (String dialect : List.of("", "?for=excel")) {
            HttpResponse<String> file = http.toBlocking().exchange(HttpRequest.GET("/api/overview/municipalities.csv" + dialect)
                    .bearerAuth(reader), String.class);
            assertThat(file.getContentType().orElseThrow().toString()).startsWith("text/csv");
            String text = file.body();
            assertThat(text).contains(dialect.isEmpty() ? "\"Enschede\",\"Overijssel\",\"Twente\"" : "\"Enschede\";\"Overijssel\";\"Twente\"");
            assertThat(text.startsWith("\uFEFF")).isEqualTo(!dialect.isEmpty());
            Map<String, Object> again = importFile(admin, text, true).body();
            assertThat((List<?>) again.get("added")).as(dialect).isEmpty();
            assertThat((List<?>) again.get("moved")).as(dialect).isEmpty();
            assertThat((List<?>) again.get("kept")).as(dialect).isEmpty();
            assertThat(again.get("unchanged")).as(dialect).isEqualTo(size);
            assertThat(again.get("withLabourMarketRegions")).isEqualTo(true);
        }
    }

    private HttpResponse<Map> importFile(String token, String file, boolean dryRun) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/overview/municipalities/import" + (dryRun ? "?dryRun=true" : ""), file)
                .contentType("text/csv").bearerAuth(token), Map.class);
    }

    private HttpResponse<Map> put(String token, String municipality, Map<String, Object> place) {
        return http.toBlocking().exchange(HttpRequest.PUT("/api/overview/municipalities/" + municipality, place).bearerAuth(token), Map.class);
    }

    private List<Map<String, Object>> municipalities() {
        return (List<Map<String, Object>>) get("/api/overview/municipalities").get("municipalities");
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(reader), Map.class);
    }
}
