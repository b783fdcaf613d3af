package nl.programmes.consultations.handling;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.AnnouncementReplica;
import nl.programmes.consultations.domain.Consultation;
import nl.programmes.consultations.persistence.ConsultationRepository;
import nl.programmes.consultations.persistence.ReplicaRepository;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Keeps the announcement replica and lets open consultations follow their announcement: added
 * locations await a position, dropped ones leave the open count, a withdrawal or decision closes
 * them. An event for an announcement not seen yet waits in {@code pending_announcement_event} and
 * is applied when the announcement arrives: never dropped.
 */
@Singleton
public class AnnouncementFollower {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementFollower.class);

    private final ReplicaRepository replicas;
    private final ConsultationRepository consultations;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public AnnouncementFollower(ReplicaRepository replicas, ConsultationRepository consultations, Outbox outbox,
                                ObjectMapper json, Clock clock) {
        this.replicas = replicas;
        this.consultations = consultations;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public void on(InboundEvent event) {
        if (event.body() instanceof ProgrammeAnnounced announced) {
            programmeAnnounced(announced);
            return;
        }
        String announcementId = event.body().subject();
        if (replicas.announcement(announcementId).isEmpty()) {
            replicas.park(event.envelope().id(), announcementId, event.type().ceType(),
                    new String(event.envelope().data(), java.nio.charset.StandardCharsets.UTF_8), clock.instant());
            LOG.info("Keeping {} for announcement {} until the announcement arrives", event.type().ceType(), announcementId);
            return;
        }
        apply(event.body());
    }

    private void programmeAnnounced(ProgrammeAnnounced a) {
        if (replicas.announcement(a.announcementId()).isEmpty()) {
            replicas.upsert(new AnnouncementReplica(a.announcementId(), a.institutionId(), a.reference(),
                    a.programme().name(), a.candidateLocations(), a.programme().forms(), "ANNOUNCED", 1));
        }
        for (ReplicaRepository.Pending pending : replicas.takePending(a.announcementId())) {
            EventType<?> type = EventTypes.byCeType(pending.ceType()).orElseThrow();
            try {
                apply(json.readValue(pending.payload(), type.bodyType()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void apply(DomainEvent event) {
        AnnouncementReplica replica = replicas.announcement(event.subject()).orElseThrow();
        if (event instanceof AnnouncementAmended amended && amended.version() > replica.version()) {
            List<String> candidates = amended.candidateLocations() == null ? replica.candidateLocations()
                    : amended.candidateLocations().after();
            replicas.upsert(new AnnouncementReplica(replica.id(), replica.institutionId(), replica.reference(),
                    amended.programmeName() == null ? replica.programmeName() : amended.programmeName().after(), candidates,
                    amended.forms() == null ? replica.forms() : amended.forms().after(), replica.status(), amended.version()));
            follow(replica.id(), candidates);
        } else if (event instanceof ApplicationSubmitted submitted && submitted.version() > replica.version()) {
            replicas.upsert(new AnnouncementReplica(replica.id(), replica.institutionId(), replica.reference(),
                    replica.programmeName(), submitted.locations(), submitted.forms(), "SUBMITTED", submitted.version()));
            follow(replica.id(), submitted.locations());
        } else if (event instanceof AnnouncementWithdrawn withdrawn && withdrawn.version() > replica.version()) {
            replicas.upsert(withStatus(replica, "WITHDRAWN", withdrawn.version()));
            closeAll(replica.id(), "The announcement was withdrawn: " + withdrawn.reason(), withdrawn.actor());
        } else if (event instanceof ReviewOutcomeRecorded outcome && outcome.version() > replica.version()) {
            replicas.upsert(withStatus(replica, outcome.decision().name(), outcome.version()));
            closeAll(replica.id(), "The minister decided: " + outcome.decision().name().toLowerCase(), outcome.actor());
        }
    }

    private void follow(String announcementId, List<String> candidates) {
        for (Consultation consultation : consultations.openForAnnouncement(announcementId)) {
            Consultation followed = consultation.followCandidates(candidates);
            if (followed != consultation) {
                consultations.update(followed, consultation.version());
            }
        }
    }

    private void closeAll(String announcementId, String reason, Actor actor) {
        for (Consultation consultation : consultations.openForAnnouncement(announcementId)) {
            Consultation.Decision<?> closed = consultation.close(reason, actor);
            if (closed.event() != null) {
                consultations.update(closed.consultation(), consultation.version());
                outbox.append(closed.event());
            }
        }
    }

    private static AnnouncementReplica withStatus(AnnouncementReplica r, String status, int version) {
        return new AnnouncementReplica(r.id(), r.institutionId(), r.reference(), r.programmeName(), r.candidateLocations(),
                r.forms(), status, version);
    }
}
