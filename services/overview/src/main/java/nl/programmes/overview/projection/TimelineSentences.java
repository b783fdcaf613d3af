package nl.programmes.overview.projection;

import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationClosed;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.ConsultationOutcomeRevised;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.PositionChange;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.organisation.OrganisationUpdated;
import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.SteeringDecisionCorrected;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.events.steering.SteeringMeetingHeld;
import nl.programmes.kit.config.BusinessCalendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line per event in Dutch and English, with the business date it happened on. Organisations and
 * offerings are written as {@code {org:id}} and {@code {offering:id}} and named when read. Pure: no I/O, so it is tested on its own.
 */
public final class TimelineSentences {

    private TimelineSentences() {
    }

    /** A timeline line before organisation names are put in. */
    public record Line(LocalDate occurredOn, String dutch, String english) {
    }

    /**
     * The announcement the event is about, which its line links to; null for directory and offering events, and for
     * a steering meeting about more than one announcement.
     */
    public static String announcementOf(DomainEvent event) {
        if (event instanceof AboutAnnouncement about) {
            return about.announcementId();
        }
        return event instanceof SteeringMeetingHeld m && m.agenda().size() == 1 ? m.agenda().get(0) : null;
    }

    /** The existing offering the event is about, or null. */
    public static String offeringOf(DomainEvent event) {
        if (event instanceof OfferingRegistered o) {
            return o.offeringId();
        }
        if (event instanceof OfferingDiscontinued d) {
            return d.offeringId();
        }
        if (event instanceof OfferingResumed r) {
            return r.offeringId();
        }
        return event instanceof IntakeReported i ? i.offeringId() : null;
    }

    public static Line of(DomainEvent event, LocalDate recordedOn) {
        String actor = org(event.actor().organisationId());
        if (event instanceof ProgrammeAnnounced a) {
            return new Line(recordedOn,
                    actor + " kondigt " + levelNl(a.programme().level()) + " " + a.programme().name() + " aan in "
                            + list(a.candidateLocations(), "en") + " (" + a.reference() + ").",
                    actor + " announced " + levelEn(a.programme().level()) + " " + a.programme().name() + " in "
                            + list(a.candidateLocations(), "and") + " (" + a.reference() + ").");
        }
        if (event instanceof AnnouncementAmended a) {
            List<String> nl = new ArrayList<>();
            List<String> en = new ArrayList<>();
            if (a.candidateLocations() != null) {
                nl.add("locaties nu " + list(a.candidateLocations().after(), "en"));
                en.add("locations now " + list(a.candidateLocations().after(), "and"));
            }
            if (a.forms() != null) {
                nl.add("vormen nu " + forms(a.forms().after(), true));
                en.add("forms now " + forms(a.forms().after(), false));
            }
            if (a.intendedStart() != null) {
                nl.add("start nu " + month(a.intendedStart().after(), true));
                en.add("start now " + month(a.intendedStart().after(), false));
            }
            if (a.programmeName() != null) {
                nl.add("naam nu " + a.programmeName().after());
                en.add("name now " + a.programmeName().after());
            }
            if (nl.isEmpty()) {
                nl.add("teksten bijgewerkt");
                en.add("texts updated");
            }
            return new Line(recordedOn, actor + " wijzigt de aankondiging: " + String.join("; ", nl) + ".",
                    actor + " amended the announcement: " + String.join("; ", en) + ".");
        }
        if (event instanceof AnnouncementWithdrawn w) {
            return new Line(recordedOn, actor + " trekt de aankondiging in: " + w.reason(),
                    actor + " withdrew the announcement: " + w.reason());
        }
        if (event instanceof ApplicationSubmitted s) {
            return new Line(s.submittedOn(),
                    actor + " dient de aanvraag in voor " + list(s.locations(), "en") + " (" + forms(s.forms(), true) + ").",
                    actor + " filed the application for " + list(s.locations(), "and") + " (" + forms(s.forms(), false) + ").");
        }
        if (event instanceof ReviewOutcomeRecorded r) {
            boolean approved = r.decision() == ReviewOutcomeRecorded.MinisterDecision.APPROVED;
            boolean positive = r.advice() == ReviewOutcomeRecorded.Advice.POSITIVE;
            return new Line(r.decisionDate(),
                    "De minister " + (approved ? "keurt de aanvraag goed" : "wijst de aanvraag af") + " (advies: "
                            + (positive ? "positief" : "negatief") + ").",
                    "The minister " + (approved ? "approved" : "rejected") + " the application (advice: "
                            + (positive ? "positive" : "negative") + ").");
        }
        if (event instanceof ConsultationRequested c) {
            return new Line(recordedOn,
                    actor + " raadpleegt " + org(c.consultedOrganisationId()) + " over " + list(c.locations(), "en")
                            + (c.dueDate() == null ? "" : ", graag voor " + BusinessCalendar.inWords(c.dueDate(), BusinessCalendar.DUTCH)) + ".",
                    actor + " consulted " + org(c.consultedOrganisationId()) + " on " + list(c.locations(), "and")
                            + (c.dueDate() == null ? "" : ", due " + BusinessCalendar.inWords(c.dueDate(), Locale.ENGLISH)) + ".");
        }
        if (event instanceof ConsultationOutcomeRecorded o) {
            return new Line(o.meetingDate(),
                    org(o.consultedOrganisationId()) + ": " + positions(o.positions(), true) + agreements(o.agreements(), true),
                    org(o.consultedOrganisationId()) + ": " + positions(o.positions(), false) + agreements(o.agreements(), false));
        }
        if (event instanceof ConsultationOutcomeRevised o) {
            List<String> nl = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (PositionChange change : o.changes()) {
                nl.add(change.location() + " nu " + position(change.current(), true)
                        + (change.previous() == null ? "" : " (was " + position(change.previous(), true) + ")"));
                en.add(change.location() + " now " + position(change.current(), false)
                        + (change.previous() == null ? "" : " (was " + position(change.previous(), false) + ")"));
            }
            return new Line(o.meetingDate(),
                    org(o.consultedOrganisationId()) + " herziet: " + String.join("; ", nl) + ".",
                    org(o.consultedOrganisationId()) + " revised: " + String.join("; ", en) + ".");
        }
        if (event instanceof ConsultationClosed c) {
            return new Line(recordedOn, "Raadpleging gesloten: " + c.reason(), "Consultation closed: " + c.reason());
        }
        if (event instanceof SteeringDecisionRecorded d) {
            return decision(d.committeeId(), d.meetingDate(), d.decision(), d.locations(), d.rationale(), false);
        }
        if (event instanceof SteeringDecisionCorrected d) {
            return decision(d.committeeId(), d.meetingDate(), d.decision(), d.locations(), d.rationale(), true);
        }
        if (event instanceof SteeringMeetingHeld m) {
            int items = m.agenda().size();
            return new Line(m.meetingDate(),
                    "Vergadering van " + org(m.committeeId()) + (items == 0 ? "." : ": " + items + " "
                            + (items == 1 ? "aankondiging" : "aankondigingen") + " besproken."),
                    "Meeting of " + org(m.committeeId()) + (items == 0 ? "." : ": " + items + " "
                            + (items == 1 ? "announcement" : "announcements") + " discussed."));
        }
        if (event instanceof OfferingRegistered o) {
            return new Line(recordedOn,
                    org(o.institutionId()) + " biedt " + o.programmeName() + " aan"
                            + (o.location() == null ? "" : " in " + o.location()) + " (" + forms(List.of(o.form()), true) + ").",
                    org(o.institutionId()) + " offers " + o.programmeName()
                            + (o.location() == null ? "" : " in " + o.location()) + " (" + forms(List.of(o.form()), false) + ").");
        }
        if (event instanceof IntakeReported i) {
            String figure = i.suppressed() ? "<5" : String.valueOf(i.count());
            return new Line(recordedOn, "Instroom " + i.studyYear() + " van " + offering(i.offeringId()) + ": " + figure + ".",
                    "Intake " + i.studyYear() + " of " + offering(i.offeringId()) + ": " + figure + ".");
        }
        if (event instanceof OfferingDiscontinued d) {
            return d.reason() == OfferingDiscontinued.Reason.ENDED
                    ? new Line(recordedOn, offering(d.offeringId()) + " wordt beëindigd: de laatste instroom is in " + d.lastIntakeYear() + ".",
                            offering(d.offeringId()) + " is ending: its last intake is in " + d.lastIntakeYear() + ".")
                    : new Line(recordedOn, offering(d.offeringId()) + " is uit het register gehaald: ten onrechte geregistreerd.",
                            offering(d.offeringId()) + " was taken out of the register: registered in error.");
        }
        if (event instanceof OfferingResumed r) {
            return new Line(recordedOn, offering(r.offeringId()) + " loopt toch door: de beëindiging is ingetrokken.",
                    offering(r.offeringId()) + " runs on after all: its ending was withdrawn.");
        }
        if (event instanceof OrganisationRegistered o) {
            return new Line(recordedOn, org(o.organisationId()) + " is opgenomen in het register.",
                    org(o.organisationId()) + " joined the directory.");
        }
        if (event instanceof OrganisationUpdated o) {
            return new Line(recordedOn, "Gegevens van " + org(o.organisationId()) + " bijgewerkt.",
                    "Directory entry of " + org(o.organisationId()) + " updated.");
        }
        return new Line(recordedOn, event.getClass().getSimpleName(), event.getClass().getSimpleName());
    }

    /** An intended start ("2027-09") as "september 2027"; as it came if it is no month (the event is a fact either way). */
    private static String month(String yearMonth, boolean dutch) {
        if (yearMonth == null) {
            return "";
        }
        try {
            return BusinessCalendar.inWords(YearMonth.parse(yearMonth), dutch ? BusinessCalendar.DUTCH : Locale.ENGLISH);
        } catch (DateTimeParseException e) {
            return yearMonth;
        }
    }

    private static Line decision(String committee, LocalDate on, Decision decision, List<String> locations,
                                 String rationale, boolean correction) {
        String scopeNl = locations.isEmpty() ? "" : " voor " + list(locations, "en");
        String scopeEn = locations.isEmpty() ? "" : " for " + list(locations, "and");
        String nl = org(committee) + (correction ? " corrigeert een eerder besluit en " : " ") + decisionNl(decision) + scopeNl
                + (rationale == null ? "." : ": " + rationale);
        String en = org(committee) + (correction ? " corrected an earlier decision and " : " ") + decisionEn(decision) + scopeEn
                + (rationale == null ? "." : ": " + rationale);
        return new Line(on, nl, en);
    }

    private static String positions(List<LocationPosition> positions, boolean dutch) {
        Map<String, List<String>> byPosition = new LinkedHashMap<>();
        for (LocationPosition p : positions) {
            String where = p.location() + (p.form() == null ? "" : " (" + forms(List.of(p.form()), dutch) + ")");
            if (p.preferred()) {
                where += dutch ? " (voorkeur)" : " (preferred)";
            }
            byPosition.computeIfAbsent(position(p, dutch), k -> new ArrayList<>()).add(where);
        }
        List<String> parts = new ArrayList<>();
        byPosition.forEach((position, where) -> parts.add(position + (dutch ? " voor " : " for ") + list(where, dutch ? "en" : "and")));
        return String.join("; ", parts);
    }

    private static String position(LocationPosition p, boolean dutch) {
        String text = switch (p.position()) {
            case CONSENT -> dutch ? "instemming" : "consent";
            case NO_OBJECTION -> dutch ? "geen bezwaar" : "no objection";
            case CONDITIONAL_CONSENT -> dutch ? "instemming onder voorwaarden" : "conditional consent";
            case OBJECTION -> dutch ? "bezwaar" : "objection";
            case NOTED -> dutch ? "ter kennisgeving aangenomen" : "noted";
        };
        if (p.provisional()) {
            text += dutch ? " (voorlopig)" : " (for now)";
        }
        if (p.position() == PositionKind.OBJECTION && !p.grounds().isEmpty()) {
            text += dutch ? " op grond van " : " on grounds of ";
            text += String.join(", ", p.grounds().stream().map(g -> ground(g, dutch)).toList());
        }
        return text;
    }

    private static String ground(ObjectionGround ground, boolean dutch) {
        return switch (ground) {
            case LABOUR_MARKET -> dutch ? "arbeidsmarkt" : "labour market";
            case REGIONAL_SPREAD -> dutch ? "regionale spreiding" : "regional spread";
            case STUDENT_COMPETITION -> dutch ? "concurrentie om studenten" : "student competition";
            case OVERLAP -> dutch ? "overlap" : "overlap";
            case OTHER -> dutch ? "overige" : "other";
        };
    }

    private static String agreements(String agreements, boolean dutch) {
        return agreements == null || agreements.isBlank() ? "." : (dutch ? ". Afspraak: " : ". Agreed: ") + agreements + ".";
    }

    private static String decisionNl(Decision decision) {
        return switch (decision) {
            case NOTED -> "neemt de aankondiging ter kennisgeving aan";
            case ENDORSED -> "onderschrijft de aankondiging";
            case ADVISES_AGAINST -> "adviseert negatief over de aankondiging";
            case FURTHER_CONSULTATION_REQUESTED -> "vraagt om nader overleg over de aankondiging";
            case APPROVED -> "keurt de aankondiging goed";
            case REJECTED -> "wijst de aankondiging af";
        };
    }

    private static String decisionEn(Decision decision) {
        return switch (decision) {
            case NOTED -> "noted the announcement";
            case ENDORSED -> "endorsed the announcement";
            case ADVISES_AGAINST -> "advises against the announcement";
            case FURTHER_CONSULTATION_REQUESTED -> "requested further consultation on the announcement";
            case APPROVED -> "approved the announcement";
            case REJECTED -> "rejected the announcement";
        };
    }

    private static String levelNl(ProgrammeLevel level) {
        return switch (level) {
            case ASSOCIATE_DEGREE -> "de Associate degree";
            case BACHELOR -> "de bachelor";
            case MASTER -> "de master";
            default -> "de mbo-opleiding";
        };
    }

    private static String levelEn(ProgrammeLevel level) {
        return switch (level) {
            case ASSOCIATE_DEGREE -> "the Associate degree";
            case BACHELOR -> "the Bachelor";
            case MASTER -> "the Master";
            default -> "the mbo programme";
        };
    }

    private static String forms(List<ProgrammeForm> forms, boolean dutch) {
        return String.join(", ", forms.stream().map(f -> dutch ? f.name().toLowerCase() : switch (f) {
            case VOLTIJD -> "full-time";
            case DEELTIJD -> "part-time";
            case DUAAL -> "dual";
            case BOL -> "school-based";
            case BBL -> "work-based";
        }).toList());
    }

    static String offering(String id) {
        return "{offering:" + id + "}";
    }

    static String org(String id) {
        return "{org:" + id + "}";
    }

    static String list(List<String> items, String and) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + and + " " + items.get(items.size() - 1);
    }
}
