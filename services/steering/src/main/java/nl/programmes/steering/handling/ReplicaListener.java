package nl.programmes.steering.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationOutcomeRevised;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.kit.replica.OrganisationReplica;
import nl.programmes.steering.persistence.SteeringRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps the replicas decisions are checked against. Each replica row carries a version (or
 * revision) and only moves forward, so events from different topics may arrive in any order.
 * An announcement update that arrives before the announcement creates the row with the newest
 * state it knows; the announcement itself then fills in only what is missing.
 */
@KafkaListener(groupId = "${platform.topics.prefix:}steering", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = InboundEvents.READ_AGAIN_AFTER,
                retryCount = InboundEvents.READ_AGAIN_UNTIL_APPLIED))
public class ReplicaListener {

    private static final String CONSUMER = "steering";

    private final InboundEvents inbound;
    private final SteeringRepository replicas;
    private final OrganisationReplica organisations;

    public ReplicaListener(InboundEvents inbound, SteeringRepository replicas, OrganisationReplica organisations) {
        this.inbound = inbound;
        this.replicas = replicas;
        this.organisations = organisations;
    }

    @Topic("${platform.topics.prefix:}programme-announcements")
    void announcement(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, this::announcement);
    }

    @Topic("${platform.topics.prefix:}consultations")
    void consultation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> {
            if (event.body() instanceof ConsultationOutcomeRecorded recorded) {
                recorded.positions().forEach(p -> position(recorded.consultationId(), recorded.announcementId(),
                        recorded.consultedOrganisationId(), p, recorded.revision()));
            } else if (event.body() instanceof ConsultationOutcomeRevised revised) {
                revised.changes().forEach(c -> position(revised.consultationId(), revised.announcementId(),
                        revised.consultedOrganisationId(), c.current(), revised.revision()));
            }
        });
    }

    @Topic("${platform.topics.prefix:}organisations")
    void organisation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> organisations.on(event.body()));
    }

    private void announcement(InboundEvent event) {
        if (event.body() instanceof ProgrammeAnnounced a) {
            replicas.upsertAnnouncement(a.announcementId(), a.institutionId(), a.reference(), a.programme().name(),
                    a.candidateLocations(), "ANNOUNCED", 1);
            return;
        }
        var known = replicas.announcement(event.body().subject());
        String reference = known.map(SteeringRepository.AnnouncementFacts::reference).orElse("?");
        String name = known.map(SteeringRepository.AnnouncementFacts::programmeName).orElse("?");
        var candidates = known.map(SteeringRepository.AnnouncementFacts::candidateLocations).orElse(java.util.List.of());
        String status = known.map(SteeringRepository.AnnouncementFacts::status).orElse("ANNOUNCED");
        String institution = event.body().actor().organisationId();
        if (event.body() instanceof AnnouncementAmended amended) {
            replicas.upsertAnnouncement(amended.announcementId(), institution, reference, name,
                    amended.candidateLocations() == null ? candidates : amended.candidateLocations().after(), status,
                    amended.version());
        } else if (event.body() instanceof ApplicationSubmitted submitted) {
            replicas.upsertAnnouncement(submitted.announcementId(), institution, reference, name, submitted.locations(),
                    "SUBMITTED", submitted.version());
        } else if (event.body() instanceof AnnouncementWithdrawn withdrawn) {
            replicas.upsertAnnouncement(withdrawn.announcementId(), institution, reference, name, candidates, "WITHDRAWN",
                    withdrawn.version());
        } else if (event.body() instanceof ReviewOutcomeRecorded outcome) {
            replicas.upsertAnnouncement(outcome.announcementId(), institution, reference, name, candidates,
                    outcome.decision().name(), outcome.version());
        }
    }

    private void position(String consultationId, String announcementId, String consultedOrg, LocationPosition p, int revision) {
        replicas.upsertPosition(consultationId, p.location(), p.form() == null ? null : p.form().name(), announcementId,
                consultedOrg, p.position().name(), p.provisional(), revision);
    }
}
