package nl.programmes.portal.web;

import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;

import java.util.Comparator;
import java.util.List;

/** The values the services accept, offered as options in the forms (labels come from the message bundles). */
public final class Choices {

    public static final List<String> LEVELS = List.of(nl.programmes.events.announcement.ProgrammeLevel.NAMES.split("\\|"));
    public static final List<String> ORIENTATIONS = List.of("HBO", "MBO", "WO");
    public static final List<String> FORMS = List.of("VOLTIJD", "DEELTIJD", "DUAAL", "BOL", "BBL");
    /** An announcement's own lifecycle, as the announcements service keeps it. */
    public static final List<String> ANNOUNCEMENT_STATUSES = List.of("ANNOUNCED", "SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN");
    /**
     * The status the shared overview shows: the lifecycle, with "under consultation" for an announcement whose
     * consultations have begun, which only the overview (hearing both services) can tell.
     */
    public static final List<String> STATUSES = List.of("ANNOUNCED", "UNDER_CONSULTATION", "SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN");
    public static final List<String> POSITIONS = List.of("CONSENT", "NO_OBJECTION", "CONDITIONAL_CONSENT", "OBJECTION", "NOTED");
    public static final List<String> GROUNDS = List.of("LABOUR_MARKET", "REGIONAL_SPREAD", "STUDENT_COMPETITION", "OVERLAP", "OTHER");
    public static final List<String> DECISIONS = List.of("NOTED", "ENDORSED", "ADVISES_AGAINST", "FURTHER_CONSULTATION_REQUESTED",
            "APPROVED", "REJECTED");
    public static final List<String> CONSULTATION_KINDS = List.of("BILATERAL", "REGIONAL_BOARD");
    /** A review's advice and the minister's decision on the application. */
    public static final List<String> REVIEW_ADVICES = List.of("POSITIVE", "NEGATIVE");
    public static final List<String> REVIEW_DECISIONS = List.of("APPROVED", "REJECTED");

    private Choices() {
    }

    /**
     * The organisations a filter can name, by name (fragments :: institutionFilter): the services filter by id, which
     * nobody should have to type. Steering committees act on the timeline but offer no programmes, so the register of
     * offerings leaves them out.
     */
    public static List<Organisation> organisations(DirectoryService directory, boolean withCommittees) {
        return sorted(directory.all().stream().filter(o -> withCommittees || o.kind() != OrganisationKind.STEERING_COMMITTEE));
    }

    /**
     * The organisations that offer or announce programmes (institutions, colleges, partner schools), for the filters of a
     * regional page and the announcement list: a committee or the platform's operators would only ever find nothing.
     */
    public static List<Organisation> institutions(DirectoryService directory) {
        return sorted(directory.all().stream().filter(o -> o.kind().isSchool()));
    }

    private static List<Organisation> sorted(java.util.stream.Stream<Organisation> organisations) {
        return organisations.sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * The status a page shows for an announcement: its own, or "under consultation" once it is announced and
     * consultations about it have begun (as the overview shows it).
     */
    public static String shownStatus(String lifecycle, boolean consulted) {
        return "ANNOUNCED".equals(lifecycle) && consulted ? "UNDER_CONSULTATION" : lifecycle;
    }
}
