package nl.programmes.overview;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
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
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.overview.projection.OverviewProjections;
import nl.programmes.overview.read.OverviewReads;
import nl.programmes.overview.read.ReadCache;
import nl.programmes.overview.read.ReadModelChanges;
import nl.programmes.overview.read.RegionalPages;
import nl.programmes.overview.read.RegionalSnapshot;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regional snapshot, patched commit by commit from the announcements each commit was about, always
 * equals a snapshot read in full from the same tables. Random announcements, amendments that move them
 * between provinces, narrowing applications, withdrawals, decisions before their announcement, offerings,
 * unknown municipalities and an operator's change to the municipality table, on the real database. And a
 * regional page derived from it is kept exactly as long as its province's lists are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalSnapshotTest {

    private static final List<String> PLACES = List.of("Enschede", "Deventer", "Apeldoorn", "Zwolle", "Arnhem", "Nijmegen",
            "Utrecht", "Amersfoort", "Leeuwarden", "Atlantis", "Groningen", "Hengelo");

    private ApplicationContext context;
    private ServiceUnderTest overview;
    private TransactionOperations<Connection> transactions;
    private OverviewProjections projections;
    private ReadModelChanges changes;
    private RegionalSnapshot snapshot;
    private ObjectMapper json;
    private final DemoCaseEvents demo = new DemoCaseEvents();
    private final Random random = new Random(7);
    private long tick;
    private final List<String> consultedFirst = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        overview = TestPlatform.get().service("overview");
        Map<String, Object> properties = new LinkedHashMap<>(overview.properties());
        properties.put("kafka.enabled", "false");
        properties.put("platform.overview.read-cache.max-age", "1s"); // how soon the municipality table is read again
        context = ApplicationContext.run(properties);
        transactions = context.getBean(TransactionOperations.class);
        projections = context.getBean(OverviewProjections.class);
        changes = context.getBean(ReadModelChanges.class);
        snapshot = context.getBean(RegionalSnapshot.class);
        // A context without a web server (a rebuild's is one) leaves the regional data unread until asked.
        assertThat(snapshot.isRead()).isFalse();
        json = context.getBean(ObjectMapper.class);
        transactions.executeWrite(status -> {
            ReadModelTables.clear(status.getConnection());
            status.getConnection().createStatement().execute("DELETE FROM municipality_region WHERE municipality = 'Atlantis'");
            return null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        transactions.executeWrite(status -> status.getConnection().createStatement()
                .execute("DELETE FROM municipality_region WHERE municipality = 'Atlantis'"));
        context.close();
    }

    @Test
    void aPatchedSnapshotEqualsOneReadInFull() throws Exception {
        commit(demo.directory());
        assertSameAsFullRead("the directory");
        commit(demo.offerings());
        commit(List.of(demo.announced()));
        assertSameAsFullRead("the demo case announced");

        List<String> announced = new ArrayList<>(List.of(demo.announcement));
        Map<String, Integer> versions = new LinkedHashMap<>(Map.of(demo.announcement, 1));
        for (int batch = 0; batch < 60; batch++) {
            List<DomainEvent> events = new ArrayList<>();
            for (int i = random.nextInt(6) + 1; i > 0; i--) {
                events.add(anEvent(announced, versions));
            }
            commit(events);
            assertSameAsFullRead("batch " + batch + ": " + events.stream().map(e -> e.getClass().getSimpleName()).toList());
        }
        assertThat(snapshot.current().intended()).as("the random events placed programmes in several provinces").hasSizeGreaterThan(3);
        assertThat(snapshot.current().intended().values().stream().flatMap(List::stream).map(p -> p.programme().status()))
                .as("consultations made some programmes under consultation").contains("UNDER_CONSULTATION", "ANNOUNCED");

        // An operator adds a municipality that was unknown, and moves one to another province.
        transactions.executeWrite(status -> {
            status.getConnection().createStatement().execute(
                    "INSERT INTO municipality_region (municipality, province, labour_market_region) VALUES ('Atlantis', 'Zeeland', NULL)");
            return null;
        });
        TimeUnit.MILLISECONDS.sleep(1_100); // the snapshot reads the table again once a max-age, commits or not
        assertSameAsFullRead("after the municipality table changed");
        assertThat(snapshot.current().unknown()).doesNotContain("Atlantis");

        commit(demo.directory()); // organisation events: everything is read again
        assertSameAsFullRead("after organisation events");
    }

    @Test
    void aRegionalPageIsKeptUntilACommitChangesItsProvince() throws Exception {
        RegionalPages pages = context.getBean(RegionalPages.class);
        OverviewReads.RegionFilter any = new OverviewReads.RegionFilter(null, null, null, null, null);
        commit(demo.directory());
        byte[] overijssel = pages.region("Overijssel", any).get(10, TimeUnit.SECONDS);
        assertThat(pages.region("overijssel", any).get(10, TimeUnit.SECONDS)).as("the province's name in any case").isNotNull();
        assertThat(pages.region("Overijssel", any).get(10, TimeUnit.SECONDS)).as("nothing changed: the same answer").isSameAs(overijssel);

        String utrecht = UUID.randomUUID().toString();
        commit(List.of(announcement(utrecht, "PAGE-UTRECHT", List.of("Utrecht"))));
        assertThat(pages.region("Overijssel", any).get(10, TimeUnit.SECONDS)).as("a commit about Utrecht only").isSameAs(overijssel);
        assertThat(text(pages.region("Utrecht", any))).as("shown right after its commit").contains("PAGE-UTRECHT");

        OverviewReads.RegionFilter han = new OverviewReads.RegionFilter(null, null, null, "han", null);
        byte[] hanInOverijssel = pages.region("Overijssel", han).get(10, TimeUnit.SECONDS);
        commit(List.of(new AnnouncementAmended(utrecht, 2, null, null, new ValueChange<>(List.of("Utrecht"), List.of("Zwolle")),
                null, null, null, null, DemoCaseEvents.SAXION)));
        assertThat(text(pages.region("Overijssel", any))).as("moved to Zwolle").contains("PAGE-UTRECHT");
        assertThat(pages.region("Overijssel", han).get(10, TimeUnit.SECONDS)).as("Saxion's move leaves HAN's page").isSameAs(hanInOverijssel);
        assertThat(text(pages.region("Overijssel", new OverviewReads.RegionFilter(null, null, null, "saxion", null))))
                .contains("PAGE-UTRECHT");
        assertThat(text(pages.region("Utrecht", any))).doesNotContain("PAGE-UTRECHT");
        assertThat(text(pages.regions())).contains("Overijssel");
    }

    @Test
    void aFullPageMapKeepsThePagesAskedForMost() throws Exception {
        // Room for ten pages; thirty other filters, each asked once, between askings of one page. The map used to empty
        // itself when full, and that page was derived again.
        RegionalPages pages = new RegionalPages(snapshot, context.getBean(ReadCache.class), json,
                context.getBean(ExecutorService.class, Qualifiers.byName("regional")), 10);
        OverviewReads.RegionFilter any = new OverviewReads.RegionFilter(null, null, null, null, null);
        byte[] overijssel = pages.region("Overijssel", any).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 30; i++) {
            pages.region("Overijssel", new OverviewReads.RegionFilter(null, null, "code-" + i, null, null)).get(10, TimeUnit.SECONDS);
            assertThat(pages.region("Overijssel", any).get(10, TimeUnit.SECONDS)).as("after %d other pages", i + 1).isSameAs(overijssel);
        }
    }

    private static String text(CompletableFuture<byte[]> page) throws Exception {
        return new String(page.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    }

    private static ProgrammeAnnounced announcement(String id, String reference, List<String> places) {
        return new ProgrammeAnnounced(id, reference, "saxion", new Programme("Programme", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO,
                "80100", null, List.of(ProgrammeForm.VOLTIJD), "nl", 120, BigDecimal.ONE, "Techniek", null), places, "2027-09", null,
                null, null, DemoCaseEvents.SAXION);
    }

    private DomainEvent anEvent(List<String> announced, Map<String, Integer> versions) {
        String id = announced.get(random.nextInt(announced.size()));
        int version = versions.getOrDefault(id, 0) + 1;
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> {
                // Now and then the announcement a consultation was already about.
                String fresh = !consultedFirst.isEmpty() && random.nextBoolean() ? consultedFirst.remove(0) : UUID.randomUUID().toString();
                announced.add(fresh);
                versions.put(fresh, 1);
                return new ProgrammeAnnounced(fresh, "R-" + random.nextInt(1000), List.of("saxion", "han", "hu").get(random.nextInt(3)),
                        new Programme("Programme " + random.nextInt(50), ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO,
                                "80" + (100 + random.nextInt(20)), null, List.of(ProgrammeForm.VOLTIJD), "nl", 120, BigDecimal.ONE,
                                "Techniek", null), places(), "2027-09", null, null, null, DemoCaseEvents.SAXION);
            }
            case 3, 4 -> {
                versions.put(id, version);
                return new AnnouncementAmended(id, version, null, null, new ValueChange<>(List.of(), places()), null, null, null, null,
                        DemoCaseEvents.SAXION);
            }
            case 5 -> {
                versions.put(id, version);
                return new ApplicationSubmitted(id, version, LocalDate.of(2025, 3, 26), List.of(PLACES.get(random.nextInt(PLACES.size()))),
                        List.of(ProgrammeForm.VOLTIJD), DemoCaseEvents.SAXION);
            }
            case 6 -> {
                versions.put(id, version);
                return new AnnouncementWithdrawn(id, version, "no longer intended", DemoCaseEvents.SAXION);
            }
            case 7 -> {
                // A consultation makes an announced programme "under consultation", whichever of the two arrives first.
                String about = id;
                if (random.nextBoolean()) {
                    about = UUID.randomUUID().toString();
                    consultedFirst.add(about);
                }
                return new ConsultationRequested(UUID.randomUUID().toString(), about, "saxion", "hu", ConsultationKind.BILATERAL,
                        List.of(), List.of(), null, null, DemoCaseEvents.SAXION);
            }
            default -> {
                // Sometimes about an announcement that has not arrived (yet).
                String about = random.nextBoolean() ? id : UUID.randomUUID().toString();
                return new SteeringDecisionRecorded(UUID.randomUUID().toString(), "bestuurlijk-overleg-oost", about, LocalDate.of(2025, 5, 1),
                        Decision.APPROVED, List.of(), "approved", List.of(), DemoCaseEvents.ADMIN);
            }
        }
    }

    private List<String> places() {
        Set<String> places = new HashSet<>();
        for (int i = random.nextInt(3) + 1; i > 0; i--) {
            places.add(PLACES.get(random.nextInt(PLACES.size())));
        }
        return List.copyOf(places);
    }

    /** Applies the events in one transaction and tells the reads, as the listener does after a poll. */
    private void commit(List<DomainEvent> events) throws Exception {
        Set<String> announcements = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (DomainEvent event : events) {
            EventType<?> type = EventTypes.of(event.getClass());
            CloudEvent envelope = new CloudEvent(UUID.randomUUID().toString(), type.ceType(), "/tests", event.subject(),
                    Instant.parse("2026-11-23T10:00:00Z").plusSeconds(tick++), json.writeValueAsBytes(event));
            transactions.executeWrite(status -> {
                String about = projections.apply(new InboundEvent(type.topic(), envelope, type, event));
                if (about != null) {
                    announcements.add(about);
                }
                return null;
            });
            topics.add(type.topic());
        }
        if (topics.contains(Topics.ORGANISATIONS)) {
            changes.changedEverything();
        } else {
            changes.committed(announcements, topics.contains(Topics.PROGRAMME_OFFERINGS));
        }
    }

    private void assertSameAsFullRead(String after) {
        RegionalSnapshot.Regional patched = snapshot.current();
        RegionalSnapshot.Regional full = context.createBean(RegionalSnapshot.class).current();
        assertThat(patched).as(after).isEqualTo(full);
    }
}
