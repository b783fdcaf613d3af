package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.problem.FieldViolation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The announcement's rules that read the command alone, nothing stored. {@link Announcement} applies them to every
 * command; the API runs them too on a request whose other fields are malformed, so a form learns all its mistakes
 * at once. Each rule skips what it is not given (null), as the request's own constraints name a missing part.
 */
public final class AnnouncementRules {

    private AnnouncementRules() {
    }

    public static void levelFitsOrientation(ProgrammeLevel level, Orientation orientation, List<FieldViolation> violations) {
        if (level == null || orientation == null) {
            return;
        }
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

    /** mbo programmes carry a crebo code, hbo and wo ones an ISAT (CROHO) code; never the other. */
    public static void codes(Orientation orientation, String isatCode, String crebo, List<FieldViolation> violations) {
        if (orientation == null) {
            return;
        }
        if (orientation == Orientation.MBO) {
            if (crebo == null) {
                violations.add(new FieldViolation("programme.crebo", "is required for an mbo programme"));
            }
            if (isatCode != null) {
                violations.add(new FieldViolation("programme.isatCode", "is for hbo and wo; use crebo for mbo"));
            }
        } else {
            if (isatCode == null) {
                violations.add(new FieldViolation("programme.isatCode", "is required for an hbo or wo programme"));
            }
            if (crebo != null) {
                violations.add(new FieldViolation("programme.crebo", "is for mbo; use isatCode for hbo and wo"));
            }
        }
    }

    /** mbo offers BOL and BBL, hbo and wo full-time, part-time and dual; a form is named once. */
    public static void forms(String field, Orientation orientation, List<ProgrammeForm> forms,
                             List<FieldViolation> violations) {
        if (forms == null) {
            return;
        }
        boolean mbo = orientation == Orientation.MBO;
        for (int i = 0; orientation != null && i < forms.size(); i++) {
            ProgrammeForm form = forms.get(i);
            if (form != null && form.isMbo() != mbo) {
                violations.add(new FieldViolation(field + "[" + i + "]", form + (mbo
                        ? " is not an mbo form (use BOL or BBL)" : " is an mbo form; use VOLTIJD, DEELTIJD or DUAAL")));
            }
        }
        distinctForms(field, forms, violations);
    }

    public static void distinctForms(String field, List<ProgrammeForm> forms, List<FieldViolation> violations) {
        List<ProgrammeForm> named = forms == null ? List.of() : forms.stream().filter(f -> f != null).toList();
        if (new LinkedHashSet<>(named).size() != named.size()) {
            violations.add(new FieldViolation(field, "must not name a form twice"));
        }
    }

    public static void startNotPast(YearMonth intendedStart, YearMonth thisMonth, List<FieldViolation> violations) {
        if (intendedStart != null && intendedStart.isBefore(thisMonth)) {
            violations.add(new FieldViolation("intendedStart", "must not be in the past (it is " + thisMonth + " now)"));
        }
    }

    /** The municipalities, stripped, each once; naming one twice is a mistake. */
    public static List<String> distinctLocations(String field, List<String> requested, List<FieldViolation> violations) {
        if (requested == null) {
            return List.of();
        }
        List<String> stripped = requested.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        List<String> locations = List.copyOf(new LinkedHashSet<>(stripped));
        if (locations.size() != stripped.size()) {
            violations.add(new FieldViolation(field, "must not name a municipality twice"));
        }
        return locations;
    }

    /** A date of the past, such as an application's filing: a date still to come is a typing error (2052 for 2025). */
    public static void notInFuture(String field, LocalDate date, LocalDate today, List<FieldViolation> violations) {
        if (date != null && date.isAfter(today)) {
            violations.add(new FieldViolation(field, "must not be in the future"));
        }
    }

    /** The review's advice and the minister's decision are recorded after the fact, the decision not before the advice. */
    public static void reviewDates(LocalDate adviceDate, LocalDate decisionDate, LocalDate today,
                                   List<FieldViolation> violations) {
        notInFuture("adviceDate", adviceDate, today, violations);
        notInFuture("decisionDate", decisionDate, today, violations);
        if (adviceDate != null && decisionDate != null && decisionDate.isBefore(adviceDate)) {
            violations.add(new FieldViolation("decisionDate", "must not be before the advice"));
        }
    }
}
