package nl.programmes.consultations.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.kit.replica.OrganisationReplica;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Consumes the announcement and organisation topics into this service's replicas. */
@KafkaListener(groupId = "${platform.topics.prefix:}consultations", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = InboundEvents.READ_AGAIN_AFTER,
                retryCount = InboundEvents.READ_AGAIN_UNTIL_APPLIED))
public class ReplicaListener {

    private static final String CONSUMER = "consultations";

    private final InboundEvents inbound;
    private final AnnouncementFollower announcements;
    private final OrganisationReplica organisations;

    public ReplicaListener(InboundEvents inbound, AnnouncementFollower announcements, OrganisationReplica organisations) {
        this.inbound = inbound;
        this.announcements = announcements;
        this.organisations = organisations;
    }

    @Topic("${platform.topics.prefix:}programme-announcements")
    void announcement(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, announcements::on);
    }

    @Topic("${platform.topics.prefix:}organisations")
    void organisation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> organisations.on(event.body()));
    }
}
