package nl.programmes.overview;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.Topics;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.kit.inbox.DeadLetters;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncementOverviewTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");
    private final EventPublisher publisher = new EventPublisher(overview);
    private final String reader = TestPlatform.get().tokens().mint("hu-adviser", "hu", "CONSULTEE");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ConsumerRegistry consumers;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void announcedProgrammeAppearsInTheOverview() {
        String id = UUID.randomUUID().toString();
        publisher.publish(smartMediaProduction(id));

        Map<?, ?> shown = TestPlatform.eventually().until(() -> read(id), body -> body != null);

        assertThat(shown.get("reference")).isEqualTo("A24-056");
        assertThat(shown.get("institution")).isEqualTo("saxion");
        assertThat(shown.get("announcedBy")).isEqualTo("saxion");
        assertThat(shown.get("forms")).isEqualTo(List.of("VOLTIJD", "DEELTIJD"));
        assertThat(shown.get("candidateLocations")).isEqualTo(List.of("Enschede", "Deventer", "Apeldoorn"));
        assertThat(shown.get("status")).isEqualTo("ANNOUNCED");
    }

    @Test
    void redeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        CloudEvent first = publisher.publish(smartMediaProduction(id));
        TestPlatform.eventually().until(() -> read(id) != null);
        long linesBefore = overview.count("SELECT COUNT(*) FROM timeline_entry");

        publisher.publish(Topics.PROGRAMME_ANNOUNCEMENTS, first);
        EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), overview.topicPrefix() + "overview",
                overview.topic(Topics.PROGRAMME_ANNOUNCEMENTS));

        assertThat(overview.count("SELECT COUNT(*) FROM timeline_entry")).isEqualTo(linesBefore);
        assertThat(overview.count("SELECT COUNT(*) FROM announcement_overview WHERE announcement_id = '" + id + "'"))
                .isEqualTo(1);
    }

    /**
     * A poll that holds a copy of an applied event and a new one: the timeline line is the dedupe mark, so the
     * poll's marks find the copy, the copy changes nothing and the new event still applies. The live listener is
     * paused while both are sent, so that they arrive in one poll.
     */
    @Test
    void aCopyPolledWithANewEventChangesNothingAndTheNewOneApplies() throws InterruptedException {
        String applied = UUID.randomUUID().toString();
        CloudEvent first = publisher.publish(smartMediaProduction(applied));
        TestPlatform.eventually().until(() -> read(applied) != null);
        long linesBefore = overview.count("SELECT COUNT(*) FROM timeline_entry");
        Set<String> live = new HashSet<>(consumers.getConsumerIds());
        live.removeIf(id -> !id.startsWith("overview-projection"));
        live.forEach(consumers::pause);
        TestPlatform.eventually().until(() -> live.stream().allMatch(consumers::isPaused));
        String added = UUID.randomUUID().toString();
        try {
            publisher.publish(Topics.PROGRAMME_ANNOUNCEMENTS, first);
            publisher.publish(new AnnouncementWithdrawn(applied, 2, "fictional: test",
                    new Actor("saxion-staff", "Saxion programme manager", "saxion")));
            publisher.publish(smartMediaProduction(added));
        } finally {
            live.forEach(consumers::resume);
        }

        TestPlatform.eventually().until(() -> read(added) != null);
        EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), overview.topicPrefix() + "overview",
                overview.topic(Topics.PROGRAMME_ANNOUNCEMENTS));
        assertThat(overview.count("SELECT COUNT(*) FROM timeline_entry")).isEqualTo(linesBefore + 2);
        assertThat(overview.count("SELECT COUNT(*) FROM timeline_entry WHERE event_id = '" + first.id() + "'")).isEqualTo(1);
        assertThat(read(applied).get("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void poisonRecordIsParkedAndTheProjectionCarriesOn() {
        publisher.send(new ProducerRecord<>(overview.topic(Topics.PROGRAMME_ANNOUNCEMENTS), "poison",
                "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        String id = UUID.randomUUID().toString();
        publisher.publish(smartMediaProduction(id));

        TestPlatform.eventually().until(() -> read(id) != null);
        List<EventProbe.Published> parked = TestPlatform.eventually().until(
                () -> EventProbe.readAllRaw(TestPlatform.get().bootstrapServers(),
                        overview.topic(Topics.deadLetter(Topics.PROGRAMME_ANNOUNCEMENTS))),
                records -> records.stream().anyMatch(r -> "poison".equals(r.key())));
        EventProbe.Published poison = parked.stream().filter(r -> "poison".equals(r.key())).findFirst().orElseThrow();
        assertThat(poison.header(DeadLetters.ERROR)).contains("Missing header ce_specversion");
        assertThat(poison.header(DeadLetters.ORIGINAL_TOPIC)).isEqualTo(overview.topic(Topics.PROGRAMME_ANNOUNCEMENTS));

        List<Map> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/overview/status/parked").bearerAuth(reader),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(listed).anySatisfy(p -> {
            assertThat(p.get("error").toString()).contains("Missing header ce_specversion");
            // When it was parked, to tie it to a release: a moment ago.
            assertThat(java.time.Instant.parse((String) p.get("parkedAt"))).isBetween(java.time.Instant.now().minusSeconds(120),
                    java.time.Instant.now());
        });
        Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET("/api/overview/status").bearerAuth(reader), Map.class);
        assertThat((List<?>) status.get("topics")).anySatisfy(t -> {
            Map<?, ?> topic = (Map<?, ?>) t;
            assertThat(topic.get("topic")).isEqualTo("programme-announcements");
            assertThat(((Number) topic.get("lag")).longValue()).isZero();
            assertThat(((Number) topic.get("parked")).longValue()).isPositive();
        });
    }

    @Test
    void parkedRecordIsReplayedAfterAFix() {
        // An announcement whose body the overview cannot read yet (a "future" field shape): parked.
        String id = UUID.randomUUID().toString();
        CloudEvent good = publisher.publish(smartMediaProduction(id));
        CloudEvent broken = new CloudEvent(UUID.randomUUID().toString(), good.type(), good.source(), id, good.time(),
                "{\"announcementId\": 42}".getBytes(StandardCharsets.UTF_8));
        publisher.publish(Topics.PROGRAMME_ANNOUNCEMENTS, broken);
        List<Map> parked = TestPlatform.eventually().until(() -> http.toBlocking().retrieve(
                HttpRequest.GET("/api/overview/status/parked").bearerAuth(reader), io.micronaut.core.type.Argument.listOf(Map.class)),
                list -> list.stream().anyMatch(p -> id.equals(p.get("key"))));
        Map<?, ?> record = parked.stream().filter(p -> id.equals(p.get("key"))).findFirst().orElseThrow();

        String reader = this.reader;
        HttpClientResponseException notAdmin = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/overview/status/parked/programme-announcements/"
                        + record.get("partition") + "/" + record.get("offset") + "/replay", "").bearerAuth(reader)));
        assertThat(notAdmin.getStatus().getCode()).isEqualTo(403);

        String admin = TestPlatform.get().tokens().mint("admin", "platform", "ADMIN");
        Map<?, ?> replayed = http.toBlocking().retrieve(HttpRequest.POST("/api/overview/status/parked/programme-announcements/"
                + record.get("partition") + "/" + record.get("offset") + "/replay", "").bearerAuth(admin), Map.class);
        assertThat(replayed.get("key")).isEqualTo(id);
        // Still unreadable, so parked a second time rather than lost.
        TestPlatform.eventually().until(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/overview/status/parked")
                .bearerAuth(reader), io.micronaut.core.type.Argument.listOf(Map.class)).stream()
                .filter(p -> id.equals(p.get("key"))).count() == 2);
    }

    @Test
    void applicationForEnschedeOnlyNarrowsTheOverviewAndWithdrawalShows() {
        String id = UUID.randomUUID().toString();
        Actor saxion = new Actor("saxion-staff", "Saxion programme manager", "saxion");
        publisher.publish(smartMediaProduction(id));
        publisher.publish(new ApplicationSubmitted(id, 2, LocalDate.of(2025, 3, 26), List.of("Enschede"),
                List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), saxion));

        Map<?, ?> submitted = TestPlatform.eventually().until(() -> read(id),
                body -> body != null && "SUBMITTED".equals(body.get("status")));
        assertThat(submitted.get("candidateLocations")).isEqualTo(List.of("Enschede"));

        publisher.publish(new AnnouncementWithdrawn(id, 3, "fictional: test", saxion));
        TestPlatform.eventually().until(() -> read(id), body -> "WITHDRAWN".equals(body.get("status")));
    }

    /**
     * "Under consultation" is the overview's own word: the announcements service does not know of consultations. It
     * holds whichever of the two events comes first, and gives way to the lifecycle once the programme moves on.
     */
    @Test
    void anAnnouncedProgrammeIsUnderConsultationOnceAConsultationAboutItIsKnownInEitherOrder() {
        String consulted = UUID.randomUUID().toString();
        String alone = UUID.randomUUID().toString();
        Actor saxion = new Actor("saxion-staff", "Saxion programme manager", "saxion");
        // The request before the announcement it is about: topics are read in any order.
        publisher.publish(new ConsultationRequested(UUID.randomUUID().toString(), consulted, "saxion", "hu", ConsultationKind.BILATERAL,
                List.of("Apeldoorn"), List.of(ProgrammeForm.VOLTIJD), LocalDate.of(2024, 12, 1), null, saxion));
        publisher.publish(smartMediaProduction(consulted));
        publisher.publish(smartMediaProduction(alone));

        TestPlatform.eventually().until(() -> read(consulted), body -> body != null && "UNDER_CONSULTATION".equals(body.get("status")));
        assertThat(TestPlatform.eventually().until(() -> read(alone), body -> body != null).get("status")).isEqualTo("ANNOUNCED");
        assertThat(announcementsIn("Overijssel?status=UNDER_CONSULTATION")).contains(consulted).doesNotContain(alone);
        assertThat(announcementsIn("Overijssel?status=ANNOUNCED")).contains(alone).doesNotContain(consulted);
        assertThat(overview.count("SELECT COUNT(*) FROM announcement_overview WHERE status = 'UNDER_CONSULTATION'"))
                .as("derived when read, never stored").isZero();

        publisher.publish(new AnnouncementWithdrawn(consulted, 2, "fictional: test", saxion));
        TestPlatform.eventually().until(() -> read(consulted), body -> "WITHDRAWN".equals(body.get("status")));
        assertThat(announcementsIn("Overijssel?status=WITHDRAWN")).contains(consulted);
    }

    @Test
    void aRegionalFilterOfALevelOrStatusThatDoesNotExistIsNamed() {
        for (String query : List.of("level=DOCTORATE", "status=IN_CONSULTATIE", "status=announced")) {
            for (String path : List.of("/api/overview/regions/Overijssel?", "/api/overview/regions/Overijssel.csv?")) {
                HttpClientResponseException error = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                        () -> http.toBlocking().exchange(HttpRequest.GET(path + query).bearerAuth(reader), String.class));
                assertThat(error.getStatus().getCode()).as(path + query).isEqualTo(400);
                assertThat(error.getResponse().getBody(String.class).orElseThrow()).as(path + query)
                        .contains("\"field\":\"" + query.substring(0, query.indexOf('=')) + "\"");
            }
        }
        // Left empty, as a form sends a filter nobody chose, it is no filter.
        assertThat(announcementsIn("Overijssel?status=&level=&code=")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> announcementsIn(String regionAndQuery) {
        Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET("/api/overview/regions/" + regionAndQuery).bearerAuth(reader), Map.class);
        return ((List<Map<String, Object>>) page.get("municipalities")).stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.get("intended")).stream())
                .map(i -> (String) i.get("announcementId")).distinct().toList();
    }

    private Map<?, ?> read(String id) {
        try {
            return http.toBlocking().retrieve(HttpRequest.GET("/api/overview/announcements/" + id).bearerAuth(reader), Map.class);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            if (e.getStatus().getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    static ProgrammeAnnounced smartMediaProduction(String id) {
        return new ProgrammeAnnounced(id, "A24-056", "saxion",
                new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null,
                        List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), "nl", 120, BigDecimal.valueOf(2),
                        "Techniek", "Ad cluster Creatieve Industrie"),
                List.of("Enschede", "Deventer", "Apeldoorn"), "2026-09", null, null, null,
                new Actor("saxion-staff", "Saxion programme manager", "saxion"));
    }
}
