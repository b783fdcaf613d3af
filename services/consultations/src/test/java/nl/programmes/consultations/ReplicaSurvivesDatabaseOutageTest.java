package nl.programmes.consultations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TcpLink;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service loses its database while an event arrives (a restart, a failover): the event waits, is applied once the
 * database answers again, and is not parked. It used to be parked after three tries, and the replica lacked it until
 * an operator replayed it (an organisation unknown here, an announcement whose consultation could not be requested).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaSurvivesDatabaseOutageTest implements TestPropertyProvider {

    private static final Actor ADMIN = new Actor("admin", "Platform administrator", "platform");

    private final ServiceUnderTest consultations = TestPlatform.get().service("consultations");
    private final EventPublisher publisher = new EventPublisher(consultations);
    private final TcpLink database = new TcpLink(TestPlatform.get().databasePort());
    private final ListAppender<ILoggingEvent> said = new ListAppender<>();

    @Override
    public Map<String, String> getProperties() {
        return consultations.properties(database);
    }

    @AfterAll
    void close() {
        ((Logger) LoggerFactory.getLogger(InboundEvents.class)).detachAppender(said);
        publisher.close();
        database.close();
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsAwayIsAppliedWhenItIsBackAndNotParked() throws InterruptedException {
        said.start();
        ((Logger) LoggerFactory.getLogger(InboundEvents.class)).addAppender(said);
        CloudEvent before = publisher.publish(organisation("before-outage"));
        TestPlatform.eventually().until(() -> applied(before));

        database.cut();
        CloudEvent during = publisher.publish(organisation("during-outage"));
        // Its third try failed: before this change it was parked now.
        TestPlatform.eventually().until(() -> said.list.stream().anyMatch(line -> line.getFormattedMessage().contains(during.id())
                && line.getFormattedMessage().contains("attempt 3 of 3")));
        Thread.sleep(2_000); // past the pause after the third try, while the database is still away
        database.mend();

        TestPlatform.eventually().until(() -> applied(during));
        assertThat(consultations.count("SELECT COUNT(*) FROM organisation_replica WHERE id = '" + key(during) + "'")).isEqualTo(1);
        assertThat(said.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("The database is not reachable").contains("not parked"));
        assertThat(EventProbe.readAllRaw(TestPlatform.get().bootstrapServers(),
                consultations.topic(Topics.deadLetter(Topics.ORGANISATIONS)))).noneMatch(parked -> key(during).equals(parked.key()));
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
