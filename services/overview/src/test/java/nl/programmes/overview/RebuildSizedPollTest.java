package nl.programmes.overview;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.overview.projection.OverviewProjections;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll as a rebuild reads it (hundreds of events) sends its timeline lines and positions as {@code LOAD DATA}; events
 * applied one at a time, as a live poll of a few does, go as inserts. Both must leave the same read model, row for row,
 * through the real projections and the real database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildSizedPollTest implements TestPropertyProvider {


    private final ServiceUnderTest overview = TestPlatform.get().service("overview");

    @Inject
    InboundEvents inbound;

    @Inject
    OverviewProjections projections;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @Test
    void aRebuildSizedPollLeavesTheSameTablesAsEventsOneByOne() throws Exception {
        List<ConsumerRecord<String, byte[]>> records = demoCases(15);

        clear();
        long loadsBefore = globalLoads();
        int applied = inbound.applyAllOnce(records, "overview", projections::apply);
        long loads = globalLoads() - loadsBefore;
        String inOnePoll = tables();
        long positions = overview.count("SELECT COUNT(*) FROM overview_position");

        clear();
        long loadsBeforeOneByOne = globalLoads();
        records.forEach(record -> inbound.applyOnce(record, "overview", projections::apply));
        long loadsOneByOne = globalLoads() - loadsBeforeOneByOne;
        String oneByOne = tables();

        assertThat(applied).isEqualTo(records.size());
        assertThat(positions).isGreaterThanOrEqualTo(100); // enough for the positions to be loaded too
        assertThat(loads).isGreaterThanOrEqualTo(2); // the timeline's lines and the positions
        assertThat(loadsOneByOne).isZero();
        assertThat(inOnePoll).isEqualTo(oneByOne);
    }

    /** The demo case this many times over, each with ids of its own, every aggregate's events in order. */
    private List<ConsumerRecord<String, byte[]>> demoCases(int times) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant time = Instant.parse("2026-11-23T10:00:00Z");
        for (int copy = 0; copy < times; copy++) {
            DemoCaseEvents demo = new DemoCaseEvents();
            List<DomainEvent> events = new ArrayList<>(demo.directory());
            events.add(demo.announced());
            events.addAll(demo.consultationsAndDecisions());
            events.add(demo.applicationForEnschede());
            events.addAll(demo.offerings());
            for (DomainEvent event : events) {
                EventType<?> type = EventTypes.of(event.getClass());
                time = time.plusSeconds(1);
                CloudEvent envelope = new CloudEvent(UUID.randomUUID().toString(), type.ceType(), "/tests", event.subject(), time,
                        json.writeValueAsBytes(event));
                records.add(overview.polled(type.topic(), records.size(), envelope));
            }
        }
        return records;
    }

    private void clear() {
        ReadModelTables.ALL.forEach(table -> overview.execute("DELETE FROM " + table));
    }

    private long globalLoads() throws Exception {
        try (Connection connection = overview.platform().connect(overview.schema()); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_load'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /**
     * Every read-model table's rows as text, sorted, so two read models compare as two strings. The timeline's {@code
     * projected_at} is when it was written, so it is left out.
     */
    private String tables() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = overview.platform().connect(overview.schema()); Statement statement = connection.createStatement()) {
            for (String table : ReadModelTables.ALL) {
                text.append("== ").append(table).append('\n');
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            if (!columns.getColumnName(c).equalsIgnoreCase("projected_at")) {
                                row.append(columns.getColumnName(c)).append('=').append(rs.getString(c)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.stream().sorted().forEach(row -> text.append(row).append('\n'));
            }
        }
        return text.toString();
    }
}
