package nl.programmes.consultations;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.EventTypes;
import nl.programmes.events.Topics;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's exactly-once with its own dedupe marks ({@code processed_event}), on the real database: a poll's marks
 * are written first, and a poll that holds an event applied before, or the same event twice, applies every event
 * once. (The overview marks with its timeline lines instead and has a test of its own.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApplyOnceTest implements TestPropertyProvider {

    private static final String CONSUMER = "apply-once-test";

    private final ServiceUnderTest consultations = TestPlatform.get().service("consultations");
    private long offset;

    @Inject
    InboundEvents inbound;

    @Override
    public Map<String, String> getProperties() {
        return consultations.properties();
    }

    @Test
    void aPollWithAnEventAppliedBeforeAndAnEventTwiceAppliesEachOnce() throws IOException {
        CloudEvent before = organisationRegistered();
        CloudEvent added = organisationRegistered();
        List<String> applied = new ArrayList<>();
        assertThat(inbound.applyAllOnce(List.of(record(before)), CONSUMER, e -> applied.add(e.envelope().id()))).isEqualTo(1);

        int count = inbound.applyAllOnce(List.of(record(before), record(added), record(added)), CONSUMER,
                e -> applied.add(e.envelope().id()));

        assertThat(count).isEqualTo(1);
        assertThat(applied).containsExactly(before.id(), added.id());
        assertThat(consultations.count("SELECT COUNT(*) FROM processed_event WHERE event_id IN ('" + before.id() + "', '"
                + added.id() + "')")).isEqualTo(2);
    }

    @Test
    void aCopyAppliedOnItsOwnChangesNothing() throws IOException {
        CloudEvent event = organisationRegistered();
        List<String> applied = new ArrayList<>();

        assertThat(inbound.applyOnce(record(event), CONSUMER, e -> applied.add(e.envelope().id()))).isTrue();
        assertThat(inbound.applyOnce(record(event), CONSUMER, e -> applied.add(e.envelope().id()))).isFalse();
        assertThat(inbound.applyAllOnce(List.of(record(event)), CONSUMER, e -> applied.add(e.envelope().id()))).isZero();

        assertThat(applied).containsExactly(event.id());
    }

    private static CloudEvent organisationRegistered() throws IOException {
        String id = "apply-once-" + UUID.randomUUID();
        OrganisationRegistered body = new OrganisationRegistered(id, "Test organisation", OrganisationKind.HBO_INSTITUTION, null,
                null, List.of(), null, new Actor("admin", "Administrator", "platform"));
        return new CloudEvent(UUID.randomUUID().toString(), EventTypes.of(OrganisationRegistered.class).ceType(), "/tests",
                body.subject(), Instant.now(), ObjectMapper.getDefault().writeValueAsBytes(body));
    }

    private ConsumerRecord<String, byte[]> record(CloudEvent event) {
        return consultations.polled(Topics.ORGANISATIONS, offset++, event);
    }
}
