package nl.programmes.consultations.domain;

import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.consultation.ConsultationClosed;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationOutcomeRevised;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.PositionChange;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One organisation consulted on one announcement: which locations (and forms) are in scope, and the
 * position it takes on each. Positions are kept per location, or per location and form when the
 * organisation distinguishes forms. Locations the announcement drops stay in the history as
 * dropped; locations it adds are awaiting a position.
 */
public record Consultation(
        UUID id,
        String announcementId,
        String institutionId,
        String consultedOrganisationId,
        ConsultationKind kind,
        List<String> locations,
        List<ProgrammeForm> forms,
        List<String> droppedLocations,
        LocalDate dueDate,
        String note,
        Status status,
        int revision,
        Map<String, LocationPosition> positions,
        LocalDate meetingDate,
        String summary,
        String agreements,
        int version) {

    public enum Status { OPEN, CLOSED }

    public record Decision<E extends DomainEvent>(Consultation consultation, E event) {
    }

    public static Decision<ConsultationRequested> request(UUID id, RequestConsultation command, AnnouncementReplica announcement,
                                                          boolean organisationKnown, Actor actor, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!announcement.isOpenForConsultation()) {
            violations.add(new FieldViolation("announcementId", "is " + announcement.status().toLowerCase()
                    + " and takes no consultations"));
        }
        if (!organisationKnown) {
            violations.add(new FieldViolation("consultedOrganisation", "is not in the organisation directory"));
        } else if (command.consultedOrganisationId().equals(announcement.institutionId())) {
            violations.add(new FieldViolation("consultedOrganisation", "is the announcing institution itself"));
        }
        List<String> locations = command.locations().isEmpty() ? announcement.candidateLocations()
                : List.copyOf(new LinkedHashSet<>(command.locations()));
        for (int i = 0; i < locations.size(); i++) {
            if (!announcement.candidateLocations().contains(locations.get(i))) {
                violations.add(new FieldViolation("locations[" + i + "]", locations.get(i) + " is not a candidate location ("
                        + String.join(", ", announcement.candidateLocations()) + ")"));
            }
        }
        List<ProgrammeForm> forms = command.forms().isEmpty() ? announcement.forms() : List.copyOf(new LinkedHashSet<>(command.forms()));
        for (int i = 0; i < forms.size(); i++) {
            if (!announcement.forms().contains(forms.get(i))) {
                violations.add(new FieldViolation("forms[" + i + "]", forms.get(i) + " is not an announced form " + announcement.forms()));
            }
        }
        ConsultationRules.dueDateNotPast(command.dueDate(), today, violations);
        reject(violations);
        Consultation consultation = new Consultation(id, announcement.id(), announcement.institutionId(),
                command.consultedOrganisationId(), command.kind(), locations, forms, List.of(), command.dueDate(),
                command.note(), Status.OPEN, 0, Map.of(), null, null, null, 1);
        return new Decision<>(consultation, new ConsultationRequested(id.toString(), announcement.id(),
                announcement.institutionId(), command.consultedOrganisationId(), command.kind(), locations, forms,
                command.dueDate(), command.note(), actor));
    }

    /**
     * Records positions: the first time as the outcome, afterwards as a revision that names what
     * changed. Returns no event when nothing changed.
     */
    public Decision<DomainEvent> recordPositions(RecordPositions command, Actor actor, LocalDate today) {
        if (status == Status.CLOSED) {
            throw new InvalidCommandException("status", "the consultation is closed");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ConsultationRules.meetingNotFuture(command.meetingDate(), today, violations);
        Map<String, LocationPosition> given = new LinkedHashMap<>();
        for (int i = 0; i < command.positions().size(); i++) {
            LocationPosition p = command.positions().get(i);
            String field = "positions[" + i + "]";
            if (!locations.contains(p.location())) {
                violations.add(new FieldViolation(field + ".location", p.location() + (droppedLocations.contains(p.location())
                        ? " was dropped from the announcement" : " is not in scope (" + String.join(", ", locations) + ")")));
            }
            if (p.form() != null && !forms.contains(p.form())) {
                violations.add(new FieldViolation(field + ".form", p.form() + " is not in scope " + forms));
            }
            ConsultationRules.positionSaysEnough(field, p.position(), p.grounds(), p.explanation(), p.conditions(),
                    violations);
            if (given.put(key(p.location(), p.form()), p) != null) {
                violations.add(new FieldViolation(field, "names " + p.location() + (p.form() == null ? "" : " " + p.form()) + " twice"));
            }
        }
        reject(violations);

        Map<String, LocationPosition> next = new LinkedHashMap<>(positions);
        List<PositionChange> changes = new ArrayList<>();
        given.forEach((key, position) -> {
            LocationPosition previous = next.put(key, position);
            if (!Objects.equals(previous, position)) {
                changes.add(new PositionChange(position.location(), position.form(), previous, position));
            }
        });
        boolean first = revision == 0;
        if (!first && changes.isEmpty() && Objects.equals(command.agreements(), agreements)
                && Objects.equals(command.summary(), summary)) {
            return new Decision<>(this, null);
        }
        Consultation recorded = new Consultation(id, announcementId, institutionId, consultedOrganisationId, kind,
                locations, forms, droppedLocations, dueDate, note, status, revision + 1, Map.copyOf(next),
                command.meetingDate(), command.summary(), command.agreements(), version + 1);
        DomainEvent event = first
                ? new ConsultationOutcomeRecorded(id.toString(), announcementId, consultedOrganisationId, recorded.revision,
                command.meetingDate(), command.summary(), command.agreements(), List.copyOf(given.values()), actor)
                : new ConsultationOutcomeRevised(id.toString(), announcementId, consultedOrganisationId, recorded.revision,
                command.meetingDate(), command.summary(), command.agreements(), changes, actor);
        return new Decision<>(recorded, event);
    }

    /**
     * Follows the announcement's candidate locations: added ones come into scope awaiting a
     * position, removed ones are dropped (their positions stay as history but no longer count).
     */
    public Consultation followCandidates(List<String> candidates) {
        if (status == Status.CLOSED) {
            return this;
        }
        List<String> scope = new ArrayList<>();
        List<String> dropped = new ArrayList<>(droppedLocations);
        for (String location : locations) {
            if (candidates.contains(location)) {
                scope.add(location);
            } else if (!dropped.contains(location)) {
                dropped.add(location);
            }
        }
        for (String candidate : candidates) {
            if (!scope.contains(candidate)) {
                scope.add(candidate);
                dropped.remove(candidate);
            }
        }
        if (scope.equals(locations) && dropped.equals(droppedLocations)) {
            return this;
        }
        return new Consultation(id, announcementId, institutionId, consultedOrganisationId, kind, List.copyOf(scope),
                forms, List.copyOf(dropped), dueDate, note, status, revision, positions, meetingDate, summary, agreements,
                version + 1);
    }

    public Decision<ConsultationClosed> close(String reason, Actor actor) {
        if (status == Status.CLOSED) {
            return new Decision<>(this, null);
        }
        Consultation closed = new Consultation(id, announcementId, institutionId, consultedOrganisationId, kind, locations,
                forms, droppedLocations, dueDate, note, Status.CLOSED, revision, positions, meetingDate, summary,
                agreements, version + 1);
        return new Decision<>(closed, new ConsultationClosed(id.toString(), announcementId, reason, actor));
    }

    /** Locations in scope with no position yet (for any form). */
    public List<String> awaiting() {
        if (status == Status.CLOSED) {
            return List.of();
        }
        return locations.stream().filter(location -> positions.values().stream()
                .noneMatch(p -> p.location().equals(location))).toList();
    }

    public boolean isOverdue(LocalDate today) {
        return dueDate != null && today.isAfter(dueDate) && !awaiting().isEmpty();
    }

    /** Current positions on locations still in scope. */
    public List<LocationPosition> currentPositions() {
        return positions.values().stream().filter(p -> locations.contains(p.location())).toList();
    }

    static String key(String location, ProgrammeForm form) {
        return form == null ? location : location + "|" + form.name();
    }

    private static void reject(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }
}
