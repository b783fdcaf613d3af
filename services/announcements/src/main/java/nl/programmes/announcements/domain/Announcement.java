package nl.programmes.announcements.domain;

import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.LabourMarketEvidence;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.announcement.ValueChange;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An institution's announced intention to start a programme: the aggregate behind
 * {@code programme-announcements}. It decides which commands are valid and which fact each one
 * produces; persistence and HTTP live elsewhere.
 *
 * <p>Lifecycle: ANNOUNCED (amendable) → SUBMITTED (application filed) → APPROVED or REJECTED;
 * ANNOUNCED or SUBMITTED → WITHDRAWN. A withdrawn announcement never changes again.
 */
public record Announcement(
        UUID id,
        String reference,
        String institutionId,
        Programme programme,
        List<String> candidateLocations,
        YearMonth intendedStart,
        Integer capacityLimit,
        String summary,
        LabourMarketEvidence labourMarketEvidence,
        AnnouncementStatus status,
        SubmittedApplication application,
        ReviewOutcome reviewOutcome,
        String withdrawalReason,
        int version) {

    /** The result of a command: the new state and the fact to publish (null when nothing changed). */
    public record Decision<E extends DomainEvent>(Announcement announcement, E event) {
        public boolean changed() {
            return event != null;
        }
    }

    /**
     * Announces a programme.
     *
     * @param thisMonth the current month: a programme cannot be announced to start in the past
     * @throws InvalidCommandException naming every rule the command breaks
     */
    public static Decision<ProgrammeAnnounced> announce(UUID id, AnnounceProgramme command, Actor actor,
                                                        YearMonth thisMonth) {
        List<FieldViolation> violations = new ArrayList<>();
        Programme programme = command.programme();
        AnnouncementRules.levelFitsOrientation(programme.level(), programme.orientation(), violations);
        AnnouncementRules.codes(programme.orientation(), programme.isatCode(), programme.crebo(), violations);
        AnnouncementRules.forms("programme.forms", programme.orientation(), programme.forms(), violations);
        AnnouncementRules.startNotPast(command.intendedStart(), thisMonth, violations);
        List<String> locations = AnnouncementRules.distinctLocations("candidateLocations", command.candidateLocations(),
                violations);
        reject(violations);
        Announcement announcement = new Announcement(id, command.reference().strip(), command.institutionId(),
                programme, locations, command.intendedStart(), command.capacityLimit(), command.summary(),
                command.labourMarketEvidence(), AnnouncementStatus.ANNOUNCED, null, null, null, 1);
        ProgrammeAnnounced event = new ProgrammeAnnounced(id.toString(), announcement.reference(),
                announcement.institutionId(), programme, locations, command.intendedStart().toString(),
                command.capacityLimit(), command.summary(), command.labourMarketEvidence(), actor);
        return new Decision<>(announcement, event);
    }

    /**
     * Amends locations, forms, start, name or texts while the announcement is open. An amendment that
     * changes nothing publishes nothing and keeps the version.
     */
    public Decision<AnnouncementAmended> amend(AmendAnnouncement command, Actor actor) {
        requireStatus(AnnouncementStatus.ANNOUNCED, "amended");
        List<FieldViolation> violations = new ArrayList<>();
        List<ProgrammeForm> newForms = command.forms() == null ? programme.forms() : command.forms();
        AnnouncementRules.forms("forms", programme.orientation(), command.forms(), violations);
        List<String> newLocations = command.candidateLocations() == null ? candidateLocations
                : AnnouncementRules.distinctLocations("candidateLocations", command.candidateLocations(), violations);
        reject(violations);
        String newName = command.programmeName() == null ? programme.name() : command.programmeName().strip();
        YearMonth newStart = command.intendedStart() == null ? intendedStart : command.intendedStart();
        Integer newCapacity = command.clearCapacityLimit() ? null
                : command.capacityLimit() == null ? capacityLimit : command.capacityLimit();
        String newSummary = command.summary() == null ? summary : command.summary();
        LabourMarketEvidence newEvidence = command.labourMarketEvidence() == null ? labourMarketEvidence
                : command.labourMarketEvidence();

        Programme newProgramme = new Programme(newName, programme.level(), programme.orientation(),
                programme.isatCode(), programme.crebo(), newForms, programme.language(), programme.studyLoadEc(),
                programme.durationYears(), programme.rioSector(), programme.domain());
        Announcement amended = new Announcement(id, reference, institutionId, newProgramme, newLocations, newStart,
                newCapacity, newSummary, newEvidence, status, application, reviewOutcome, withdrawalReason, version + 1);
        AnnouncementAmended event = new AnnouncementAmended(id.toString(), amended.version,
                change(programme.name(), newName), change(programme.forms(), newForms),
                change(candidateLocations, newLocations),
                change(intendedStart.toString(), newStart.toString()), change(capacityLimit, newCapacity),
                change(summary, newSummary), change(labourMarketEvidence, newEvidence), actor);
        boolean anything = event.programmeName() != null || event.forms() != null || event.candidateLocations() != null
                || event.intendedStart() != null || event.capacityLimit() != null || event.summary() != null
                || event.labourMarketEvidence() != null;
        return anything ? new Decision<>(amended, event) : new Decision<>(this, null);
    }

    /** Withdraws the announcement for good. */
    public Decision<AnnouncementWithdrawn> withdraw(String reason, Actor actor) {
        if (status != AnnouncementStatus.ANNOUNCED && status != AnnouncementStatus.SUBMITTED) {
            throw new InvalidCommandException("status", "a " + status.name().toLowerCase() + " announcement cannot be withdrawn");
        }
        Announcement withdrawn = new Announcement(id, reference, institutionId, programme, candidateLocations,
                intendedStart, capacityLimit, summary, labourMarketEvidence, AnnouncementStatus.WITHDRAWN, application,
                reviewOutcome, reason.strip(), version + 1);
        return new Decision<>(withdrawn, new AnnouncementWithdrawn(id.toString(), withdrawn.version, reason.strip(), actor));
    }

    /**
     * Files the application with the national review. Its locations and forms must be among the
     * candidates; the candidates narrow to what was applied for.
     */
    public Decision<ApplicationSubmitted> submitApplication(SubmittedApplication submitted, Actor actor, LocalDate today) {
        requireStatus(AnnouncementStatus.ANNOUNCED, "submitted");
        List<FieldViolation> violations = new ArrayList<>();
        List<String> locations = AnnouncementRules.distinctLocations("locations", submitted.locations(), violations);
        for (int i = 0; i < locations.size(); i++) {
            if (!candidateLocations.contains(locations.get(i))) {
                violations.add(new FieldViolation("locations[" + i + "]", locations.get(i)
                        + " is not a candidate location (candidates: " + String.join(", ", candidateLocations) + ")"));
            }
        }
        for (int i = 0; i < submitted.forms().size(); i++) {
            if (!programme.forms().contains(submitted.forms().get(i))) {
                violations.add(new FieldViolation("forms[" + i + "]", submitted.forms().get(i)
                        + " is not among the announced forms " + programme.forms()));
            }
        }
        AnnouncementRules.distinctForms("forms", submitted.forms(), violations);
        AnnouncementRules.notInFuture("submittedOn", submitted.submittedOn(), today, violations);
        reject(violations);
        SubmittedApplication application = new SubmittedApplication(submitted.submittedOn(), locations,
                List.copyOf(submitted.forms()));
        Programme appliedProgramme = new Programme(programme.name(), programme.level(), programme.orientation(),
                programme.isatCode(), programme.crebo(), application.forms(), programme.language(),
                programme.studyLoadEc(), programme.durationYears(), programme.rioSector(), programme.domain());
        Announcement filed = new Announcement(id, reference, institutionId, appliedProgramme, locations, intendedStart,
                capacityLimit, summary, labourMarketEvidence, AnnouncementStatus.SUBMITTED, application, reviewOutcome,
                withdrawalReason, version + 1);
        return new Decision<>(filed, new ApplicationSubmitted(id.toString(), filed.version, application.submittedOn(),
                locations, application.forms(), actor));
    }

    /** Records the review's advice and the minister's decision on a submitted application. */
    public Decision<ReviewOutcomeRecorded> recordReviewOutcome(ReviewOutcome outcome, Actor actor, LocalDate today) {
        requireStatus(AnnouncementStatus.SUBMITTED, "given a review outcome");
        List<FieldViolation> violations = new ArrayList<>();
        AnnouncementRules.reviewDates(outcome.adviceDate(), outcome.decisionDate(), today, violations);
        if (outcome.adviceDate() != null && outcome.adviceDate().isBefore(application.submittedOn())) {
            violations.add(new FieldViolation("adviceDate", "must not be before the application (" + application.submittedOn() + ")"));
        }
        if (outcome.decisionDate().isBefore(application.submittedOn())) {
            violations.add(new FieldViolation("decisionDate", "must not be before the application (" + application.submittedOn() + ")"));
        }
        reject(violations);
        AnnouncementStatus decided = outcome.decision() == ReviewOutcomeRecorded.MinisterDecision.APPROVED
                ? AnnouncementStatus.APPROVED : AnnouncementStatus.REJECTED;
        Announcement reviewed = new Announcement(id, reference, institutionId, programme, candidateLocations,
                intendedStart, capacityLimit, summary, labourMarketEvidence, decided, application, outcome,
                withdrawalReason, version + 1);
        return new Decision<>(reviewed, new ReviewOutcomeRecorded(id.toString(), reviewed.version, outcome.advice(),
                outcome.adviceDate(), outcome.decision(), outcome.decisionDate(), actor));
    }

    private void requireStatus(AnnouncementStatus required, String what) {
        if (status != required) {
            throw new InvalidCommandException("status", "a " + status.name().toLowerCase()
                    + " announcement cannot be " + what + " (it must be " + required.name().toLowerCase() + ")");
        }
    }

    private static <T> ValueChange<T> change(T before, T after) {
        return Objects.equals(before, after) ? null : new ValueChange<>(before, after);
    }

    private static void reject(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }
}
