package nl.programmes.consultations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.programmes.events.Actor;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.Topics;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.LoggedLines;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TcpLink;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service loses its database while an event arrives (a restart, a failover): the event waits, is applied once the
 * database answers again, and is not parked: parked, it would leave the replica without it until an operator replayed
 * it (an organisation unknown here, an announcement whose consultation could not be requested).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaSurvivesDatabaseOutageTest implements TestPropertyProvider {

    private static final Actor ADMIN = new Actor("admin", "Platform administrator", "platform");

    private final ServiceUnderTest consultations = TestPlatform.get().service("consultations");
    private final EventPublisher publisher = new EventPublisher(consultations);
    private final TcpLink database = new TcpLink(TestPlatform.get().databasePort());

    @Override
    public Map<String, String> getProperties() {
        return consultations.properties(database);
    }

    @AfterAll
    void close() {
        publisher.close();
        database.close();
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsAwayIsAppliedWhenItIsBackAndNotParked() throws InterruptedException {
        try (LoggedLines said = LoggedLines.of(InboundEvents.class)) {
            CloudEvent before = publisher.publish(organisation("before-outage"));
            TestPlatform.eventually().until(() -> applied(before));

            database.cut();
            CloudEvent during = publisher.publish(organisation("during-outage"));
            // Its third try failed: after three a record is parked, unless what failed is the database.
            TestPlatform.eventually().until(() -> said.any(during.id(), "attempt 3 of 3"));
            Thread.sleep(2_000); // past the pause after the third try, while the database is still away
            database.mend();

            TestPlatform.eventually().until(() -> applied(during));
            assertThat(consultations.count("SELECT COUNT(*) FROM organisation_replica WHERE id = '" + key(during) + "'")).isEqualTo(1);
            assertThat(said.any("The database is not reachable", "not parked")).isTrue();
            assertThat(EventProbe.readAllRaw(TestPlatform.get().bootstrapServers(),
                    consultations.topic(Topics.deadLetter(Topics.ORGANISATIONS)))).noneMatch(parked -> key(during).equals(parked.key()));
        }
    }

    private boolean applied(CloudEvent event) {
        return consultations.count("SELECT COUNT(*) FROM processed_event WHERE event_id = '" + event.id() + "'") == 1;
    }

    private static String key(CloudEvent event) {
        return event.subject();
    }

    private static OrganisationRegistered organisation(String name) {
        return new OrganisationRegistered(name + "-" + UUID.randomUUID(), "Organisation " + name, OrganisationKind.HBO_INSTITUTION,
                null, null, List.of(), null, ADMIN);
    }
}
