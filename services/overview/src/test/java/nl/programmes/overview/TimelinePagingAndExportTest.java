package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The timeline read page by page with its cursor, and the CSV exports of the timeline and a regional page with
 * the same filters as the pages. The export reads four lines at a time here, so the demo case's timeline takes
 * several of its pages.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class TimelinePagingAndExportTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("rocvantwente-adviser", "rocvantwente", "CONSULTEE");
    private final DemoCaseEvents demo = new DemoCaseEvents();
    private static final String LIMBURG = "0190a4b8-0000-7000-8000-00000000a099";
    private static final String UTRECHT = "0190a4b8-0000-7000-8000-00000000a098";
    /** HAN's, with the reference of Saxion's in Limburg: references are unique per institution only. */
    private static final String HAN_A24_099 = "0190a4b8-0000-7000-8000-00000000a097";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(overview.properties());
        properties.put("platform.overview.csv-page-size", "4");
        // A province's and an institution's lines are found by reading the timeline in order here, the database testing
        // the ids it is handed, as for thousands of announcements and offerings (TimelineCheckedInServiceTest: this
        // service checks each line, as for tens of thousands); DemoCaseOverviewTest finds them by their ids' own
        // indexes, as for a few.
        properties.put("platform.overview.timeline.listed-up-to", "0");
        return properties;
    }

    @BeforeAll
    void demoCase() {
        demo.upToTheApplication().forEach(publisher::publish);
        demo.offerings().forEach(publisher::publish);
        // Another of Saxion's announcements, in Limburg, so a region's lines are not simply every announcement's.
        ProgrammeAnnounced inLimburg = demo.announced();
        publisher.publish(new ProgrammeAnnounced(LIMBURG, "A24-099", inLimburg.institutionId(), inLimburg.programme(),
                List.of("Maastricht"), inLimburg.intendedStart(), null, null, null, inLimburg.actor()));
        // And one in Utrecht, so a province holds both announcements and offerings.
        publisher.publish(new ProgrammeAnnounced(UTRECHT, "A24-098", inLimburg.institutionId(), inLimburg.programme(),
                List.of("Utrecht"), inLimburg.intendedStart(), null, null, null, inLimburg.actor()));
        publisher.publish(new ProgrammeAnnounced(HAN_A24_099, "A24-099", "han", inLimburg.programme(), List.of("Arnhem"),
                inLimburg.intendedStart(), null, null, null, new nl.programmes.events.Actor("han-staff", "HAN staff", "han")));
        Projected.caughtUp(overview);
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void pagesByCursorShowEveryLineOnceInEitherOrder() {
        List<String> all = eventIds(timeline("announcement=" + demo.announcement + "&order=oldest&size=500"));
        assertThat(all).hasSize(11).doesNotHaveDuplicates();

        for (String order : List.of("oldest", "newest")) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> page = timeline("announcement=" + demo.announcement + "&order=" + order + "&size=3"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                paged.addAll(eventIds(page));
                cursor = (String) page.get("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(pages).as(order).isEqualTo(4);
            List<String> expected = new ArrayList<>(all);
            if (order.equals("newest")) {
                Collections.reverse(expected);
            }
            assertThat(paged).as(order).isEqualTo(expected);
        }
    }

    /**
     * A filter that matches either of two things (an organisation acts, or the line is about its announcement or one it was asked about) or several
     * kinds is read as a union of ordered reads (OverviewReads.timeline). Paged three lines at a time in either order,
     * each must give exactly the lines of the whole timeline that the filter's words describe, in the timeline's order.
     */
    @Test
    void filtersOfSeveralKindsOrOfAnInstitutionPageLikeTheWholeTimelineFiltered() {
        List<Map<String, Object>> all = (List<Map<String, Object>>) timeline("order=oldest&size=500").get("entries");
        assertThat(all).hasSizeGreaterThan(20);
        Map<String, java.util.function.Predicate<Map<String, Object>>> filters = new java.util.LinkedHashMap<>();
        // Saxion acts (its offerings, its requests) and the announcement is Saxion's, so its lines by others count too.
        filters.put("institution=saxion", l -> "saxion".equals(l.get("actorOrganisation")) || demo.announcement.equals(l.get("announcementId"))
                || LIMBURG.equals(l.get("announcementId")) || UTRECHT.equals(l.get("announcementId")));
        // HAN was asked about Saxion's announcement: Saxion's request, the other organisations' positions and the decisions
        // on it are HAN's story too, besides what HAN did (its own announcement).
        java.util.function.Predicate<Map<String, Object>> hanConsulted = l -> demo.announcement.equals(l.get("announcementId"));
        filters.put("institution=han", l -> "han".equals(l.get("actorOrganisation")) || hanConsulted.test(l));
        assertThat(all.stream().filter(hanConsulted).filter(l -> ((String) l.get("textNl")).contains("raadpleegt Hogeschool van Arnhem")))
                .as("Saxion's request to HAN").singleElement().satisfies(l -> assertThat(l).containsEntry("actorOrganisation", "saxion"));
        // HU's offerings were registered and their intake reported by an operator: they are HU's lines all the same.
        java.util.function.Predicate<Map<String, Object>> huOfferings = l -> ((String) l.get("kind")).contains("offering")
                && ((String) l.get("textNl")).contains("Hogeschool Utrecht ");
        filters.put("institution=hu", l -> "hu".equals(l.get("actorOrganisation")) || huOfferings.test(l)
                || demo.announcement.equals(l.get("announcementId")));
        assertThat(all.stream().filter(huOfferings).filter(l -> !"hu".equals(l.get("actorOrganisation"))))
                .as("HU's offering lines, recorded by the operator").hasSizeGreaterThanOrEqualTo(3);
        // Nobody asked the school, and it did nothing: none of the timeline is its.
        assertThat(eventIds(timeline("institution=rocvantwente&size=500"))).isEmpty();
        filters.put("kind=consultation", l -> ((String) l.get("kind")).contains("consultation"));
        filters.put("kind=%20DECISION-recorded%20", l -> ((String) l.get("kind")).equals("nl.programmes.steering.decision-recorded.v1"));
        filters.put("kind=consultation&institution=han", l -> ((String) l.get("kind")).contains("consultation")
                && ("han".equals(l.get("actorOrganisation")) || hanConsulted.test(l)));
        filters.put("kind=offering&institution=platform&from=2022-01-01", l -> ((String) l.get("kind")).contains("offering")
                && "platform".equals(l.get("actorOrganisation")) && ((String) l.get("occurredOn")).compareTo("2022-01-01") >= 0);
        filters.put("institution=saxion&region=Overijssel", l -> demo.announcement.equals(l.get("announcementId")));
        filters.put("region=overijssel", l -> demo.announcement.equals(l.get("announcementId")));
        // A province's lines are those about its announcements and about the offerings in it.
        filters.put("region=Utrecht", l -> ((String) l.get("kind")).contains("offering") && ((String) l.get("textNl")).contains("Ad Online Contentcreator")
                || UTRECHT.equals(l.get("announcementId")));
        filters.put("region=Limburg", l -> LIMBURG.equals(l.get("announcementId")));
        filters.put("region=region%20unknown&institution=hu", l -> ((String) l.get("textNl")).contains("Ad Somewhere"));
        filters.put("region=Overijssel&kind=consultation&institution=han", l -> demo.announcement.equals(l.get("announcementId"))
                && ((String) l.get("kind")).contains("consultation"));
        filters.put("region=Overijssel&to=2024-12-05", l -> demo.announcement.equals(l.get("announcementId"))
                && ((String) l.get("occurredOn")).compareTo("2024-12-05") <= 0);
        for (Map.Entry<String, java.util.function.Predicate<Map<String, Object>>> filter : filters.entrySet()) {
            List<String> expected = all.stream().filter(filter.getValue()).map(l -> (String) l.get("eventId")).toList();
            assertThat(expected).as(filter.getKey()).isNotEmpty();
            for (String order : List.of("oldest", "newest")) {
                List<String> paged = new ArrayList<>();
                String cursor = null;
                do {
                    Map<String, Object> page = timeline(filter.getKey() + "&order=" + order + "&size=3" + (cursor == null ? "" : "&cursor=" + cursor));
                    paged.addAll(eventIds(page));
                    cursor = (String) page.get("nextCursor");
                } while (cursor != null);
                List<String> inOrder = new ArrayList<>(expected);
                if (order.equals("newest")) {
                    Collections.reverse(inOrder);
                }
                assertThat(paged).as(filter.getKey() + ", " + order).isEqualTo(inOrder);
            }
        }
    }

    @Test
    void aCursorNoPageHandedOutIsTheCallersMistakeNamedAsSuch() {
        for (String cursor : List.of("not-a-cursor", "MjAyNC0wOS0xMnx5ZXN0ZXJkYXl8eA", "%25%25")) {
            HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/timeline?cursor=" + cursor).bearerAuth(reader), Map.class));
            assertThat(error.getStatus().getCode()).as(cursor).isEqualTo(400);
            assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                    type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
            Map<String, Object> problem = error.getResponse().getBody(Map.class).orElseThrow();
            assertThat((List<Map<String, Object>>) problem.get("errors")).singleElement()
                    .satisfies(field -> assertThat(field.get("field")).isEqualTo("cursor"));
        }
    }

    @Test
    void filtersTheTimelineCannotUseAreNamedInsteadOfAnsweredWithNothing() {
        Map<String, String> named = Map.of("region=Overijsel", "region", "from=2025-01-01&to=2024-12-31", "to", "kind=besluit", "kind",
                "from=2024-13-01", "from");
        named.forEach((query, field) -> {
            for (String path : List.of("/api/timeline?", "/api/timeline.csv?")) {
                assertThat(problemFields(path + query)).as(path + query).containsOnlyKeys(field);
            }
        });
        // A value that is not of its parameter's type is named as the parameter, with what it should be.
        assertThat(problemFields("/api/timeline?from=2024-13-01")).containsEntry("from", "must be a date, yyyy-MM-dd");
        assertThat(problemFields("/api/timeline?size=tien")).containsExactly(Map.entry("size", "must be a whole number"));
        assertThat(problemFields("/api/overview/announcements/A24-056"))
                .containsExactly(Map.entry("id", "must be an id as the service handed it out (a UUID)"));
        assertThat(eventIds(timeline("region=region%20unknown"))).isNotNull();
        assertThat(eventIds(timeline("from=2024-12-03&to=2024-12-03&announcement=" + demo.announcement))).hasSize(1);
    }

    @Test
    void everyMistakeOfARequestIsNamedInOneAnswer() {
        // Values the framework cannot read (from, to, size), broken constraints (order) and the timeline's own filters
        // (region, kind, cursor) were named one per request, in that order.
        assertThat(problemFields("/api/timeline?from=2024-13-01&to=gisteren&order=sideways&kind=besluit&region=Overijsel"
                + "&cursor=not-a-cursor&size=tien")).containsOnlyKeys("cursor", "from", "kind", "order", "region", "size", "to")
                .containsEntry("size", "must be a whole number").containsEntry("order", "must be newest or oldest");
        // A last day before the first is named with the others (it came after they were mended), in either kind of answer.
        assertThat(problemFields("/api/timeline?from=2025-03-01&to=2025-02-01&size=tien&kind=besluit"))
                .containsOnlyKeys("kind", "size", "to").containsEntry("to", "is before from (2025-03-01)");
        assertThat(problemFields("/api/timeline?from=2025-03-01&to=2025-02-01&order=sideways"))
                .containsOnlyKeys("order", "to").containsEntry("to", "is before from (2025-03-01)");
        assertThat(problemFields("/api/timeline/recent?since=2025-01-01T00:00:00Z&from=2025-03-01&to=2025-02-01"))
                .containsExactly(Map.entry("to", "is before from (2025-03-01)"));
        assertThat(problemFields("/api/timeline.csv?for=word&kind=besluit&region=Overijsel"))
                .containsOnlyKeys("for", "kind", "region")
                .containsEntry("for", "must be excel, or left out for RFC 4180 (comma-separated)");
        assertThat(problemFields("/api/overview/regions/Overijssel?level=HBO&status=PENDING")).containsOnlyKeys("level", "status");
        assertThat(problemFields("/api/overview/regions/Overijssel.csv?level=HBO&status=PENDING&for=word"))
                .containsOnlyKeys("for", "level", "status");
        // Left empty, a choice is any; the Excel dialect is asked for in any case.
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/api/overview/regions/Overijssel.csv?level=&status=%20&for=%20Excel")
                .bearerAuth(reader), String.class).body()).startsWith("\uFEFF");
    }

    @Test
    void anAnnouncementIsFoundByItsReferenceAsPeopleKnowIt() {
        List<String> byId = eventIds(timeline("announcement=" + demo.announcement + "&size=500"));
        assertThat(byId).hasSizeGreaterThan(5);
        assertThat(eventIds(timeline("announcement=%20a24-056%20&size=500"))).isEqualTo(byId);
        assertThat(parse(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline.csv?announcement=A24-056").bearerAuth(reader))))
                .hasSize(byId.size() + 1);
        // Two institutions use A24-099: the institution filter chooses, or the caller is asked to.
        assertThat(problemFields("/api/timeline?announcement=A24-099")).containsExactly(
                Map.entry("announcement", "is the reference of announcements of han, saxion; choose the institution too"));
        assertThat((List<Map<String, Object>>) timeline("announcement=A24-099&institution=han").get("entries")).isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("announcementId")).isEqualTo(HAN_A24_099));
        assertThat((List<Map<String, Object>>) timeline("announcement=A24-099&institution=saxion").get("entries")).isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("announcementId")).isEqualTo(LIMBURG));
        // A reference no announcement has is named, where it used to be an empty page that looked like no events.
        for (String path : List.of("/api/timeline?", "/api/timeline.csv?")) {
            assertThat(problemFields(path + "announcement=A99-999")).as(path)
                    .containsExactly(Map.entry("announcement", "is neither an announcement's id nor the reference of one"));
        }
        // An id the overview does not know yet is an empty page: its events may still come, in any order.
        assertThat(eventIds(timeline("announcement=0190a4b8-0000-7000-8000-00000000ffff"))).isEmpty();
    }

    private Map<String, String> problemFields(String uri) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(reader), String.class));
        assertThat(error.getStatus().getCode()).as(uri).isEqualTo(400);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Object e : (List<?>) error.getResponse().getBody(Map.class).orElseThrow().get("errors")) {
            fields.put((String) ((Map<?, ?>) e).get("field"), (String) ((Map<?, ?>) e).get("message"));
        }
        return fields;
    }

    @Test
    void timelineExportHoldsEveryMatchingLineInThePagesOrder() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/api/timeline.csv?order=oldest&announcement="
                + demo.announcement).bearerAuth(reader), String.class);
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"timeline.csv\"");
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/csv");
        List<List<String>> rows = parse(response.body());
        assertThat(rows.get(0)).containsExactly("date", "recorded", "reference", "announcement", "kind", "actor", "actor name",
                "organisation", "nl", "en");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) timeline("announcement=" + demo.announcement
                + "&order=oldest&size=500").get("entries");
        // 11 lines read four at a time: three of the export's pages, each line once, in the page's order.
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(8))
                .isEqualTo(lines.stream().map(l -> (String) l.get("textNl")).toList());
        assertThat(rows.get(1)).startsWith("2024-09-12").contains("A24-056", demo.announcement,
                "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie");
        // Who acted, by id and by the name people know them by.
        assertThat(rows).anySatisfy(row -> assertThat(row.subList(5, 8))
                .containsExactly("saxion-staff", "Saxion programme manager", "Saxion Hogeschool"));
        assertThat(rows).extracting(row -> row.get(8)).contains("Saxion Hogeschool dient de aanvraag in voor Enschede (voltijd, deeltijd).");

        List<List<String>> newestFirst = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline.csv?announcement="
                + demo.announcement).bearerAuth(reader), String.class));
        assertThat(newestFirst.get(1)).isEqualTo(rows.get(rows.size() - 1));
    }

    @Test
    void timelineExportTakesTheTimelinesFilters() {
        List<List<String>> decisions = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline.csv?kind=decision&announcement="
                + demo.announcement).bearerAuth(reader), String.class));
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1).get(4)).contains("decision");

        List<List<String>> december = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline.csv?from=2024-12-01&to=2024-12-31"
                + "&order=oldest&announcement=" + demo.announcement).bearerAuth(reader), String.class));
        assertThat(december.subList(1, december.size())).extracting(row -> row.get(0)).containsExactly("2024-12-03", "2024-12-10");

        List<List<String>> limburg = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/timeline.csv?region=Limburg&announcement="
                + demo.announcement).bearerAuth(reader), String.class));
        assertThat(limburg).as("the header alone").hasSize(1);

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/timeline.csv?order=sideways").bearerAuth(reader), String.class));
        assertThat(error.getStatus().getCode()).isEqualTo(400);
        assertThat(error.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"order\"");
    }

    @Test
    void regionalExportTakesThePagesFiltersAndKeepsSuppressedIntake() {
        List<List<String>> overijssel = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/Overijssel.csv")
                .bearerAuth(reader), String.class));
        assertThat(overijssel.get(0)).containsExactly("municipality", "kind", "institution", "programme", "code", "level", "forms",
                "status", "intake", "reference");
        // After the application only Enschede is a candidate location.
        assertThat(overijssel).contains(List.of("Enschede", "intended", "Saxion Hogeschool", "Smart Media Production", "80179",
                "ASSOCIATE_DEGREE", "VOLTIJD DEELTIJD", "SUBMITTED", "", "A24-056"));
        assertThat(parse(http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/Overijssel.csv?status=WITHDRAWN")
                .bearerAuth(reader), String.class))).noneMatch(row -> row.contains(demo.announcement) || row.contains("A24-056"));

        List<List<String>> friesland = parse(http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/Friesland.csv?code=80151")
                .bearerAuth(reader), String.class));
        assertThat(friesland).contains(List.of("Leeuwarden", "existing", "NHL Stenden", "Ad Creative Media Professional", "80151",
                "ASSOCIATE_DEGREE", "VOLTIJD", "", "2021: <5", ""));
        assertThat(friesland.subList(1, friesland.size())).allSatisfy(row -> assertThat(row.get(4)).isEqualTo("80151"));
    }

    /** What Excel with Dutch settings opens with a double-click: the same rows, semicolons between cells, a byte order mark first. */
    @Test
    void exportsForExcelHoldTheSameRowsSeparatedBySemicolons() {
        for (String path : List.of("/api/timeline.csv?order=oldest&announcement=" + demo.announcement, "/api/overview/regions/Overijssel.csv?")) {
            String plain = http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(reader), String.class);
            HttpResponse<byte[]> excel = http.toBlocking().exchange(HttpRequest.GET(path + "&for=excel").bearerAuth(reader), byte[].class);
            byte[] body = excel.body();
            assertThat(body).as(path).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(excel.getContentType().orElseThrow().toString()).startsWith("text/csv");
            String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).as(path).startsWith(path.contains("timeline") ? "\"date\";\"recorded\"" : "\"municipality\";\"kind\"");
            assertThat(parse(text, ';')).as(path).isEqualTo(parse(plain));

            HttpClientResponseException error = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.GET(path + "&for=numbers").bearerAuth(reader), String.class));
            assertThat(error.getStatus().getCode()).as(path).isEqualTo(400);
            assertThat(error.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"for\"");
        }
    }

    private Map<String, Object> timeline(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/timeline?" + query).bearerAuth(reader), Map.class);
    }

    private static List<String> eventIds(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("entries")).stream().map(e -> (String) e.get("eventId")).toList();
    }

    /** RFC 4180, enough for these files: quoted cells, doubled quotes, CRLF between records. */
    static List<List<String>> parse(String csv) {
        return parse(csv, ',');
    }

    static List<List<String>> parse(String csv, char separator) {
        assertThat(csv).endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        for (String record : csv.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < record.length(); i++) {
                char c = record.charAt(i);
                if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == separator && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
