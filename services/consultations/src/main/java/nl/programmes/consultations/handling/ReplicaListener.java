package nl.programmes.consultations.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.consultations.persistence.ReplicaRepository;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.organisation.OrganisationUpdated;
import nl.programmes.kit.inbox.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Consumes the announcement and organisation topics into this service's replicas. */
@KafkaListener(groupId = "${platform.topics.prefix:}consultations", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10))
public class ReplicaListener {

    private static final String CONSUMER = "consultations";

    private final InboundEvents inbound;
    private final AnnouncementFollower announcements;
    private final ReplicaRepository replicas;

    public ReplicaListener(InboundEvents inbound, AnnouncementFollower announcements, ReplicaRepository replicas) {
        this.inbound = inbound;
        this.announcements = announcements;
        this.replicas = replicas;
    }

    @Topic("${platform.topics.prefix:}programme-announcements")
    void announcement(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, announcements::on);
    }

    @Topic("${platform.topics.prefix:}organisations")
    void organisation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> {
            if (event.body() instanceof OrganisationRegistered registered) {
                replicas.upsertOrganisation(registered.organisationId(), registered.name(), registered.kind().name(), 1);
            } else if (event.body() instanceof OrganisationUpdated updated) {
                replicas.upsertOrganisation(updated.organisationId(), updated.name(), updated.kind().name(), updated.version());
            }
        });
    }
}
