package nl.programmes.consultations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.AnnouncementReplica;
import nl.programmes.consultations.domain.Consultation;
import nl.programmes.consultations.domain.RecordPositions;
import nl.programmes.consultations.domain.RequestConsultation;
import nl.programmes.consultations.persistence.ConsultationRepository;
import nl.programmes.consultations.persistence.ReplicaRepository;
import nl.programmes.events.DomainEvent;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.ForbiddenException;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.problem.StaleVersionException;
import nl.programmes.kit.replica.OrganisationReplica;
import nl.programmes.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Runs consultation commands; state, revision history and outbox row commit together. */
@Singleton
public class ConsultationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationService.class);

    private final ConsultationRepository consultations;
    private final ReplicaRepository replicas;
    private final OrganisationReplica organisations;
    private final Outbox outbox;
    private final Clock clock;

    public ConsultationService(ConsultationRepository consultations, ReplicaRepository replicas,
                               OrganisationReplica organisations, Outbox outbox, Clock clock) {
        this.consultations = consultations;
        this.replicas = replicas;
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Consultation request(RequestConsultation command, Caller caller) {
        AnnouncementReplica announcement = replicas.announcement(command.announcementId()).orElseThrow(() ->
                new InvalidCommandException("announcementId", "is not a known announcement (if it was just announced, "
                        + "retry in a moment)"));
        caller.requireActsFor(announcement.institutionId(), "request consultations on announcements");
        Consultation.Decision<?> decision = Consultation.request(TimeOrderedIds.next(), command, announcement,
                organisations.kind(command.consultedOrganisationId()).isPresent(), caller.actor(), LocalDate.now(clock));
        consultations.insert(decision.consultation(), clock.instant());
        outbox.append(decision.event());
        LOG.info("{} asked {} about {} ({})", caller.organisationId(), command.consultedOrganisationId(),
                announcement.reference(), decision.consultation().id());
        return decision.consultation();
    }

    @Transactional
    public Consultation recordPositions(UUID id, RecordPositions command, Integer expectedVersion, Caller caller) {
        Consultation current = consultations.findForUpdate(id).orElseThrow(() -> new NotFoundException("Consultation", id));
        if (!current.consultedOrganisationId().equals(caller.organisationId())) {
            throw new ForbiddenException(caller.organisationId() + " may not record positions on a consultation addressed to "
                    + current.consultedOrganisationId());
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Consultation " + id + " is at version " + current.version() + ", not " + expectedVersion);
        }
        Consultation.Decision<DomainEvent> decision = current.recordPositions(command, caller.actor(), LocalDate.now(clock));
        if (decision.event() == null) {
            return current;
        }
        Instant now = clock.instant();
        consultations.update(decision.consultation(), current.version());
        consultations.recordRevision(decision.consultation(), caller.actor(), now);
        outbox.append(decision.event());
        return decision.consultation();
    }

    @Transactional
    public Consultation get(UUID id) {
        return consultations.find(id).orElseThrow(() -> new NotFoundException("Consultation", id));
    }

    @Transactional
    public List<Consultation> list(String announcementId, String consultedOrganisation, String status) {
        return consultations.list(announcementId, consultedOrganisation, status);
    }

    @Transactional
    public List<ConsultationRepository.Revision> revisions(UUID id) {
        get(id);
        return consultations.revisions(id);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
