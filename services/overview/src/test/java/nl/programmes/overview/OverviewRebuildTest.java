package nl.programmes.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Rebuild with switch-over: the live tables keep serving while the rebuild reads every topic from
 * offset 0 into fresh tables; an event that arrives during the rebuild is neither lost nor doubled;
 * after the switch the read model is what the events say, even where the old tables had drifted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class OverviewRebuildTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String admin = TestPlatform.get().tokens().mint("admin", "platform", "ADMIN");
    private final String reader = TestPlatform.get().tokens().mint("hu-staff", "hu", "INSTITUTION_STAFF");

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
    void rebuildsFromOffsetZeroWhileTheOldTablesServeAndSwitchesOverAtomically() {
        DemoCaseEvents demo = new DemoCaseEvents();
        demo.directory().forEach(publisher::publish);
        publisher.publish(demo.announced());
        demo.consultationsAndDecisions().forEach(publisher::publish);
        Projected.caughtUp(overview);
        long lines = overview.count("SELECT COUNT(*) FROM timeline_entry");
        List<String> indexes = indexes();
        assertThat(indexes).as("secondary indexes of the live tables").contains("timeline_entry.timeline_announcement(announcement_id,occurred_on,recorded_at,event_id)",
                "timeline_entry.timeline_order(occurred_on,recorded_at,event_id,announcement_id,offering_id)",
                "timeline_entry.timeline_kind(kind,occurred_on,recorded_at,event_id)");

        // Stand-in for a projection bug: the live tables drift from what the events say.
        overview.execute("UPDATE overview_position SET position = 'CONSENT' WHERE consultation_id IN "
                + "(SELECT consultation_id FROM overview_consultation WHERE consulted_org = 'hu')");
        overview.execute("DELETE FROM timeline_entry WHERE occurred_on < '2024-12-01'");
        long drifted = overview.count("SELECT COUNT(*) FROM timeline_entry");
        assertThat(drifted).isLessThan(lines);

        // Where a page open on the timeline stands before the rebuild (OverviewPages' live stream).
        String openPage = (String) recent("").get("position");

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/overview/rebuild", "").bearerAuth(reader)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
        HttpResponse<Map> started = http.toBlocking().exchange(HttpRequest.POST("/api/overview/rebuild", "").bearerAuth(admin), Map.class);
        assertThat(started.getStatus().getCode()).isEqualTo(202);
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/overview/rebuild", "").bearerAuth(admin)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(409));
        // The rebuild copied the municipality table at its start: placing a municipality waits for the switch-over.
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.PUT("/api/overview/municipalities/Tijdens-herbouw",
                Map.of("province", "Utrecht")).bearerAuth(admin)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(409));
        // So does importing a municipality file; its preview, which writes nothing, is answered.
        String file = "gemeente;provincie\nTijdens-herbouw;Utrecht\n";
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/overview/municipalities/import", file)
                .contentType("text/csv").bearerAuth(admin)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(409));
        assertThat(http.toBlocking().exchange(HttpRequest.POST("/api/overview/municipalities/import?dryRun=true", file)
                .contentType("text/csv").bearerAuth(admin), Map.class).getStatus().getCode()).isEqualTo(200);
        assertThat(overview.count("SELECT COUNT(*) FROM municipality_region WHERE municipality = 'Tijdens-herbouw'")).isZero();

        // While it runs: a new fact arrives, and the old tables keep answering.
        publisher.publish(demo.applicationForEnschede());
        AtomicInteger served = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(matrix(demo.announcement)).containsKey("rows");
            served.incrementAndGet();
            return "SWITCHED".equals(state().get("state"));
        });
        assertThat(served.get()).isPositive();
        Projected.caughtUp(overview);

        Map<String, Object> after = matrix(demo.announcement);
        assertThat(after.get("status")).isEqualTo("SUBMITTED");
        assertThat(after.get("candidateLocations")).isEqualTo(List.of("Enschede"));
        assertThat(after.get("droppedLocations")).isEqualTo(List.of("Deventer", "Apeldoorn"));
        Map<String, Object> hu = ((List<Map<String, Object>>) after.get("rows")).stream()
                .filter(r -> "hu".equals(r.get("organisation"))).findFirst().orElseThrow();
        assertThat(((List<Map<String, Object>>) hu.get("cells"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("location", "Enschede").containsEntry("position", "NO_OBJECTION"));
        assertThat(((List<Map<String, Object>>) hu.get("droppedCells"))).anySatisfy(c ->
                assertThat(c).containsEntry("location", "Apeldoorn").containsEntry("position", "OBJECTION"));
        // Every event exactly once: the ones before, the one during the rebuild, none twice.
        assertThat(overview.count("SELECT COUNT(*) FROM timeline_entry")).isEqualTo(lines + 1);
        // The old tables are kept beside, as they were, until the next rebuild.
        assertThat(overview.count("SELECT COUNT(*) FROM `" + overview.schema() + "_previous`.timeline_entry")).isBetween(drifted, drifted + 1);
        // The rebuild wrote without its secondary indexes and added them before the switch: the same ones as before.
        assertThat(indexes()).isEqualTo(indexes);
        // The new tables have the live schema's collation, so joins with other schemas behave as before.
        assertThat(overview.count("""
                SELECT COUNT(*) FROM information_schema.TABLES t JOIN information_schema.SCHEMATA s ON s.SCHEMA_NAME = t.TABLE_SCHEMA
                WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_COLLATION <> s.DEFAULT_COLLATION_NAME""")).isZero();
        // Every id of the read model compares as bytes (V5), in the rebuilt tables as in the old: a comparison between
        // an id in utf8mb4_bin and one in the default collation would be refused.
        assertThat(overview.count("""
                SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_TYPE = 'char(36)'
                AND TABLE_NAME NOT IN ('outbox', 'processed_event') AND COLLATION_NAME <> 'utf8mb4_bin'""")).isZero();
        assertThat(overview.count("""
                SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_TYPE = 'char(36)'
                AND COLLATION_NAME = 'utf8mb4_bin'""")).isEqualTo(14); // V7 added timeline_entry.offering_id, V12 overview_offering_discontinued

        // The rebuild wrote every line anew, so each was projected after the page's position, but none is new to the
        // page: the answer holds no lines, only a position after it. A fact recorded now is new again, to the next poll
        // and to one still asking from before the switch-over.
        Map<String, Object> afterSwitch = recent("since=" + openPage);
        assertThat((List<?>) afterSwitch.get("entries")).isEmpty();
        assertThat(java.time.Instant.parse((String) afterSwitch.get("position"))).isAfter(java.time.Instant.parse(openPage));
        String decided = publisher.publish(new nl.programmes.events.steering.SteeringDecisionRecorded(java.util.UUID.randomUUID().toString(),
                "stuurgroep-ad-ci", demo.announcement, java.time.LocalDate.of(2025, 4, 10), nl.programmes.events.steering.Decision.NOTED,
                List.of(), null, List.of(), DemoCaseEvents.SAXION)).id();
        Projected.caughtUp(overview);
        assertThat((List<Map<String, Object>>) recent("since=" + afterSwitch.get("position")).get("entries"))
                .extracting(e -> e.get("eventId")).containsExactly(decided);
        assertThat((List<Map<String, Object>>) recent("since=" + openPage).get("entries"))
                .extracting(e -> e.get("eventId")).containsExactly(decided);
    }

    private Map<String, Object> recent(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/timeline/recent?" + query).bearerAuth(reader), Map.class);
    }

    /** Every secondary index of the live schema as table.index(columns), in a stable order. */
    private List<String> indexes() {
        try (Connection connection = TestPlatform.get().connect(overview.schema());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS
                     WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'
                     GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE ORDER BY TABLE_NAME, INDEX_NAME""")) {
            List<String> indexes = new java.util.ArrayList<>();
            while (rs.next()) {
                indexes.add(rs.getString(1) + "." + rs.getString(2) + (rs.getInt(3) == 0 ? " unique" : "") + "(" + rs.getString(4) + ")");
            }
            return indexes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> state() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/overview/rebuild").bearerAuth(admin), Map.class);
    }

    private Map<String, Object> matrix(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/overview/announcements/" + id).bearerAuth(reader), Map.class);
    }

}
