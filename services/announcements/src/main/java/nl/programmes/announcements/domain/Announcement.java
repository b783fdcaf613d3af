package nl.programmes.announcements.domain;

import nl.programmes.events.Actor;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * An institution's announced intention to start a programme: the aggregate behind
 * {@code programme-announcements}. It decides which announcements are valid; persistence and HTTP
 * live elsewhere.
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
        AnnouncementStatus status,
        int version) {

    /** The result of a command: the new state and the fact to publish. */
    public record Announced(Announcement announcement, ProgrammeAnnounced event) {
    }

    /**
     * Announces a programme.
     *
     * @param thisMonth the current month: a programme cannot be announced to start in the past
     * @throws InvalidCommandException naming every rule the command breaks
     */
    public static Announced announce(UUID id, AnnounceProgramme command, Actor actor, YearMonth thisMonth) {
        List<FieldViolation> violations = new ArrayList<>();
        Programme programme = command.programme();
        checkLevelFitsOrientation(programme, violations);
        checkCodes(programme, violations);
        checkForms(programme, violations);
        if (command.intendedStart().isBefore(thisMonth)) {
            violations.add(new FieldViolation("intendedStart", "must not be in the past (it is " + thisMonth + " now)"));
        }
        List<String> locations = List.copyOf(new LinkedHashSet<>(command.candidateLocations().stream()
                .map(String::strip).toList()));
        if (locations.size() != command.candidateLocations().size()) {
            violations.add(new FieldViolation("candidateLocations", "must not name a municipality twice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        Announcement announcement = new Announcement(id, command.reference().strip(), command.institutionId(),
                programme, locations, command.intendedStart(), command.capacityLimit(), command.summary(),
                AnnouncementStatus.ANNOUNCED, 1);
        ProgrammeAnnounced event = new ProgrammeAnnounced(id.toString(), announcement.reference(),
                announcement.institutionId(), programme, locations, command.intendedStart().toString(),
                command.capacityLimit(), command.summary(), actor);
        return new Announced(announcement, event);
    }

    private static void checkLevelFitsOrientation(Programme programme, List<FieldViolation> violations) {
        ProgrammeLevel level = programme.level();
        Orientation orientation = programme.orientation();
        boolean fits = switch (orientation) {
            case MBO -> level.isMbo();
            case HBO -> level == ProgrammeLevel.ASSOCIATE_DEGREE || level == ProgrammeLevel.BACHELOR
                    || level == ProgrammeLevel.MASTER;
            case WO -> level == ProgrammeLevel.BACHELOR || level == ProgrammeLevel.MASTER;
        };
        if (!fits) {
            violations.add(new FieldViolation("programme.level", level + " is not offered in " + orientation));
        }
    }

    private static void checkCodes(Programme programme, List<FieldViolation> violations) {
        if (programme.orientation() == Orientation.MBO) {
            if (programme.crebo() == null) {
                violations.add(new FieldViolation("programme.crebo", "is required for an mbo programme"));
            }
            if (programme.isatCode() != null) {
                violations.add(new FieldViolation("programme.isatCode", "is for hbo and wo; use crebo for mbo"));
            }
        } else {
            if (programme.isatCode() == null) {
                violations.add(new FieldViolation("programme.isatCode", "is required for an hbo or wo programme"));
            }
            if (programme.crebo() != null) {
                violations.add(new FieldViolation("programme.crebo", "is for mbo; use isatCode for hbo and wo"));
            }
        }
    }

    private static void checkForms(Programme programme, List<FieldViolation> violations) {
        boolean mbo = programme.orientation() == Orientation.MBO;
        for (int i = 0; i < programme.forms().size(); i++) {
            ProgrammeForm form = programme.forms().get(i);
            if (form.isMbo() != mbo) {
                violations.add(new FieldViolation("programme.forms[" + i + "]",
                        form + (mbo ? " is not an mbo form (use BOL or BBL)" : " is an mbo form; use VOLTIJD, DEELTIJD or DUAAL")));
            }
        }
        if (new LinkedHashSet<>(programme.forms()).size() != programme.forms().size()) {
            violations.add(new FieldViolation("programme.forms", "must not name a form twice"));
        }
    }
}
