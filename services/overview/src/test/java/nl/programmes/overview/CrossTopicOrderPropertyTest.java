package nl.programmes.overview;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.overview.projection.OverviewProjections;
import nl.programmes.overview.read.OverviewReads;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events of one aggregate arrive in order; across aggregates and topics they may interleave any
 * way. Whatever the interleaving, the overview of the demo case ends the same: same matrix, same
 * timeline. The real projections run against the real database; only the broker is left out.
 */
class CrossTopicOrderPropertyTest {


    private static ApplicationContext context;
    private static ServiceUnderTest overview;
    private static DemoCaseEvents demo;
    private static List<Deque<CloudEvent>> aggregates;
    private static String expected;

    @Property(tries = 25)
    void anyInterleavingOfAggregatesGivesTheSameOverview(@ForAll("interleavings") List<Integer> choices) throws Exception {
        setUp();
        List<Deque<CloudEvent>> queues = new ArrayList<>();
        aggregates.forEach(q -> queues.add(new ArrayDeque<>(q)));
        List<CloudEvent> order = new ArrayList<>();
        int step = 0;
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            List<Deque<CloudEvent>> open = queues.stream().filter(q -> !q.isEmpty()).toList();
            order.add(open.get(choices.get(step++ % choices.size()) % open.size()).removeFirst());
        }
        assertThat(project(order)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Integer>> interleavings() {
        return Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(40);
    }

    private static synchronized void setUp() throws Exception {
        if (context != null) {
            return;
        }
        overview = TestPlatform.get().service("overview");
        Map<String, Object> properties = new LinkedHashMap<>(overview.properties());
        properties.put("kafka.enabled", "false");
        context = ApplicationContext.run(properties);
        demo = new DemoCaseEvents();
        List<DomainEvent> events = new ArrayList<>(demo.directory());
        events.add(demo.announced());
        events.addAll(demo.consultationsAndDecisions());
        events.add(demo.applicationForEnschede());
        // One queue per aggregate: its events keep their order, as on one partition.
        Map<String, Deque<CloudEvent>> byAggregate = new LinkedHashMap<>();
        long tick = 0;
        ObjectMapper json = context.getBean(ObjectMapper.class);
        for (DomainEvent event : events) {
            EventType<?> type = EventTypes.of(event.getClass());
            CloudEvent envelope = new CloudEvent(UUID.randomUUID().toString(), type.ceType(), "/tests", event.subject(),
                    Instant.parse("2026-11-23T10:00:00Z").plusSeconds(tick++), json.writeValueAsBytes(event));
            byAggregate.computeIfAbsent(type.topic() + "/" + event.subject(), k -> new ArrayDeque<>()).add(envelope);
        }
        aggregates = List.copyOf(byAggregate.values());
        List<CloudEvent> natural = new ArrayList<>();
        aggregates.forEach(natural::addAll);
        expected = project(natural);
    }

    @SuppressWarnings("unchecked")
    private static String project(List<CloudEvent> order) throws Exception {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        OverviewProjections projections = context.getBean(OverviewProjections.class);
        ObjectMapper json = context.getBean(ObjectMapper.class);
        transactions.executeWrite(status -> {
            ReadModelTables.clear(status.getConnection());
            return null;
        });
        for (CloudEvent envelope : order) {
            EventType<?> type = EventTypes.byCeType(envelope.type()).orElseThrow();
            DomainEvent body = json.readValue(envelope.data(), type.bodyType());
            transactions.executeWrite(status -> {
                projections.apply(new InboundEvent(type.topic(), envelope, type, body));
                return null;
            });
        }
        OverviewReads reads = context.getBean(OverviewReads.class);
        var timeline = reads.timeline(new OverviewReads.TimelineFilter(null, null, null, null, null), false, null, 500);
        return json.writeValueAsString(reads.matrix(demo.announcement)) + "\n"
                + json.writeValueAsString(timeline.entries().stream().map(l -> l.occurredOn() + " " + l.textEn()).toList());
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
        }
    }
}
