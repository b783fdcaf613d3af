package nl.programmes.steering.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.steering.SteeringDecisionCorrected;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.events.steering.SteeringMeetingHeld;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.kit.outbox.Outbox;
import nl.programmes.kit.problem.ForbiddenException;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.InvalidParameterException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.replica.OrganisationReplica;
import nl.programmes.kit.security.Caller;
import nl.programmes.steering.domain.DecisionRules;
import nl.programmes.steering.domain.RecordDecision;
import nl.programmes.steering.persistence.SteeringRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records decisions and meetings of steering committees; only members act for their committee. */
@Singleton
public class SteeringService {

    private final SteeringRepository repository;
    private final OrganisationReplica organisations;
    private final Outbox outbox;
    private final Clock clock;

    public SteeringService(SteeringRepository repository, OrganisationReplica organisations, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SteeringRepository.DecisionRow record(RecordDecision command, Caller caller) {
        requireMember(command.committeeId(), caller);
        Optional<SteeringRepository.AnnouncementFacts> announcement = repository.announcement(command.announcementId());
        DecisionRules.check(command, new DecisionRules.Facts(isCommittee(command.committeeId()),
                announcement.isPresent(), announcement.map(SteeringRepository.AnnouncementFacts::candidateLocations).orElse(List.of()),
                reference -> repository.objectionExists(command.announcementId(), reference), LocalDate.now(clock)));
        if (command.corrects() != null) {
            SteeringRepository.DecisionRow earlier = repository.decision(command.corrects()).orElseThrow(() ->
                    new InvalidCommandException("corrects", "names no decision"));
            if (!earlier.committeeId().equals(command.committeeId()) || !earlier.announcementId().equals(command.announcementId())) {
                throw new InvalidCommandException("corrects", "names a decision of another committee or announcement");
            }
            if (earlier.correctedBy() != null) {
                throw new InvalidCommandException("corrects", "was already corrected by " + earlier.correctedBy());
            }
        }
        String id = TimeOrderedIds.next().toString();
        SteeringRepository.DecisionRow row = new SteeringRepository.DecisionRow(id, command.committeeId(),
                command.announcementId(), command.meetingDate(), command.decision().name(), command.locations(),
                command.rationale(), command.rulesOn(), command.corrects(), null, null, caller.actor().userId(), clock.instant(), null, null);
        repository.insert(row);
        DomainEvent event = command.corrects() == null
                ? new SteeringDecisionRecorded(id, command.committeeId(), command.announcementId(), command.meetingDate(),
                command.decision(), command.locations(), command.rationale(), command.rulesOn(), caller.actor())
                : new SteeringDecisionCorrected(id, command.corrects(), command.committeeId(), command.announcementId(),
                command.meetingDate(), command.decision(), command.locations(), command.rationale(), command.rulesOn(),
                caller.actor());
        outbox.append(event);
        return repository.decision(id).orElse(row);
    }

    @Transactional
    public SteeringRepository.MeetingRow holdMeeting(String committeeId, LocalDate meetingDate, List<String> agenda,
                                                     String minutes, List<String> decisionIds, Caller caller) {
        requireMember(committeeId, caller);
        List<FieldViolation> violations = new ArrayList<>();
        DecisionRules.meetingHeld(meetingDate, LocalDate.now(clock), violations);
        for (int i = 0; i < decisionIds.size(); i++) {
            Optional<SteeringRepository.DecisionRow> decision = repository.decision(decisionIds.get(i));
            if (decision.isEmpty() || !decision.get().committeeId().equals(committeeId)) {
                violations.add(new FieldViolation("decisions[" + i + "]", "names no decision of this committee"));
            }
        }
        // The agenda is of announcements (the event carries their ids): people name them by reference (A24-056), and a
        // line that names none (a typo, "Rondvraag") would be an item nobody can follow; such points go in the minutes.
        List<String> items = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            Optional<String> named = agenda.get(i) == null ? Optional.empty() : repository.announcementNamed(agenda.get(i).strip());
            if (named.isPresent()) {
                items.add(named.get());
            } else {
                violations.add(new FieldViolation("agenda[" + i + "]", agenda.get(i) + " is not a known announcement"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        SteeringRepository.MeetingRow meeting = new SteeringRepository.MeetingRow(TimeOrderedIds.next().toString(), committeeId,
                meetingDate, items, minutes, decisionIds, List.of());
        repository.insert(meeting, clock.instant());
        outbox.append(new SteeringMeetingHeld(meeting.id(), committeeId, meetingDate, items, minutes, decisionIds, caller.actor()));
        return repository.meeting(meeting.id()).orElse(meeting);
    }

    @Transactional
    public List<SteeringRepository.DecisionRow> decisions(String announcementId, String committeeId, String meetingId) {
        return repository.decisions(announcementId, committeeId, meetingId);
    }

    @Transactional
    public SteeringRepository.MeetingRow meeting(String id) {
        return repository.meeting(id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    @Transactional
    public List<SteeringRepository.MeetingRow> meetings(String committeeId) {
        requireCommittee(committeeId);
        return repository.meetings(committeeId);
    }

    @Transactional
    public List<SteeringRepository.AgendaItem> agenda(String committeeId) {
        requireCommittee(committeeId);
        return repository.agenda(committeeId);
    }

    /**
     * An agenda or a list of meetings belongs to a committee: for a name the directory does not know (a typo, a link
     * cut short) an empty agenda would read as "nothing awaits a decision".
     */
    private void requireCommittee(String committeeId) {
        // The words of DecisionRules, which the portal knows in Dutch.
        if (!isCommittee(committeeId)) {
            throw new InvalidParameterException("committee", "is not a steering committee in the directory");
        }
    }

    private boolean isCommittee(String organisationId) {
        return organisations.kind(organisationId).filter("STEERING_COMMITTEE"::equals).isPresent();
    }

    private static void requireMember(String committeeId, Caller caller) {
        if (!caller.organisationId().equals(committeeId)) {
            throw new ForbiddenException(caller.organisationId() + " is not a member of committee " + committeeId);
        }
    }
}
