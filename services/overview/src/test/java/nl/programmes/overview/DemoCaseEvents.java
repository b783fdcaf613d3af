package nl.programmes.overview;

import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.SteeringDecisionRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The demo case (demo-case.md) as the services publish it, for the overview to build from. */
final class DemoCaseEvents {

    static final Actor ADMIN = new Actor("admin", "Administrator", "platform");
    static final Actor SAXION = new Actor("saxion-staff", "Saxion programme manager", "saxion");

    final String announcement = UUID.randomUUID().toString();
    final String han = UUID.randomUUID().toString();
    final String hu = UUID.randomUUID().toString();
    final String boardSeptember = UUID.randomUUID().toString();
    final String boardDecember = UUID.randomUUID().toString();

    List<DomainEvent> directory() {
        List<DomainEvent> events = new ArrayList<>();
        for (String[] org : new String[][]{{"saxion", "Saxion Hogeschool", "HBO_INSTITUTION"},
                {"han", "Hogeschool van Arnhem en Nijmegen", "HBO_INSTITUTION"}, {"hu", "Hogeschool Utrecht", "HBO_INSTITUTION"},
                {"nhlstenden", "NHL Stenden", "HBO_INSTITUTION"},
                {"stuurgroep-ad-ci", "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie", "STEERING_COMMITTEE"},
                {"bestuurlijk-overleg-oost", "Bestuurlijk overleg Oost", "STEERING_COMMITTEE"}}) {
            events.add(new OrganisationRegistered(org[0], org[1], OrganisationKind.valueOf(org[2]), null, null, List.of(), null, ADMIN));
        }
        return events;
    }

    ProgrammeAnnounced announced() {
        return new ProgrammeAnnounced(announcement, "A24-056", "saxion",
                new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null,
                        List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), "nl", 120, BigDecimal.valueOf(2), "Techniek",
                        "Ad cluster Creatieve Industrie"),
                List.of("Enschede", "Deventer", "Apeldoorn"), "2026-09", null, null, null, SAXION);
    }

    /** The directory, the announcement, its consultations and decisions and the application: the case as it stands. */
    List<DomainEvent> upToTheApplication() {
        List<DomainEvent> all = new java.util.ArrayList<>(directory());
        all.add(announced());
        all.addAll(consultationsAndDecisions());
        all.add(applicationForEnschede());
        return all;
    }

    /** Everything up to the application, in the order of the case. */
    List<DomainEvent> consultationsAndDecisions() {
        Actor stuurgroep = new Actor("stuurgroep-secretary", "Secretary", "stuurgroep-ad-ci");
        Actor board = new Actor("board-secretary", "Secretary", "bestuurlijk-overleg-oost");
        List<String> all = List.of("Enschede", "Deventer", "Apeldoorn");
        List<ProgrammeForm> forms = List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD);
        return List.of(
                new SteeringDecisionRecorded(UUID.randomUUID().toString(), "stuurgroep-ad-ci", announcement,
                        LocalDate.of(2024, 9, 12), Decision.ENDORSED, List.of(),
                        "Members (HvA, NHL Stenden) react very positively to Smart Media Production in the east.", List.of(), stuurgroep),
                new ConsultationRequested(boardSeptember, announcement, "saxion", "bestuurlijk-overleg-oost",
                        ConsultationKind.REGIONAL_BOARD, all, forms, null, "Saxion–Windesheim", SAXION),
                new ConsultationOutcomeRecorded(boardSeptember, announcement, "bestuurlijk-overleg-oost", 1, LocalDate.of(2024, 9, 16),
                        null, null, noted(all), board),
                new ConsultationRequested(han, announcement, "saxion", "han", ConsultationKind.BILATERAL, all, forms, null, null, SAXION),
                new ConsultationOutcomeRecorded(han, announcement, "han", 1, LocalDate.of(2024, 11, 12), null,
                        "develop together to avoid overlap", List.of(
                        position("Enschede", PositionKind.NO_OBJECTION, false, true),
                        position("Deventer", PositionKind.NO_OBJECTION, false, false),
                        position("Apeldoorn", PositionKind.NO_OBJECTION, false, false)), new Actor("han-adviser", "HAN", "han")),
                new ConsultationRequested(boardDecember, announcement, "saxion", "bestuurlijk-overleg-oost",
                        ConsultationKind.REGIONAL_BOARD, all, forms, null, "Saxion–HAN", SAXION),
                new ConsultationOutcomeRecorded(boardDecember, announcement, "bestuurlijk-overleg-oost", 1, LocalDate.of(2024, 12, 3),
                        null, null, noted(all), board),
                new ConsultationRequested(hu, announcement, "saxion", "hu", ConsultationKind.BILATERAL, all, forms, null, null, SAXION),
                new ConsultationOutcomeRecorded(hu, announcement, "hu", 1, LocalDate.of(2024, 12, 10), "HU sees chances for cooperation.",
                        null, List.of(position("Enschede", PositionKind.NO_OBJECTION, false, false),
                        position("Deventer", PositionKind.NO_OBJECTION, false, false),
                        new LocationPosition("Apeldoorn", null, PositionKind.OBJECTION, List.of(ObjectionGround.STUDENT_COMPETITION),
                                "Objects for now: effect on HU's Ads in Amersfoort.", null, true, false)),
                        new Actor("hu-adviser", "HU", "hu")));
    }

    ApplicationSubmitted applicationForEnschede() {
        return new ApplicationSubmitted(announcement, 2, LocalDate.of(2025, 3, 26), List.of("Enschede"),
                List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), SAXION);
    }

    List<DomainEvent> offerings() {
        String hu = UUID.randomUUID().toString();
        String nhl = UUID.randomUUID().toString();
        String nhlEnded = UUID.randomUUID().toString();
        return List.of(
                new OfferingRegistered(hu, "hu", "Ad Online Contentcreator", "80150", null, ProgrammeLevel.ASSOCIATE_DEGREE,
                        ProgrammeForm.VOLTIJD, "Amersfoort", ADMIN),
                new IntakeReported(hu, 2022, 89, false, ADMIN),
                new IntakeReported(hu, 2023, 120, false, ADMIN),
                new OfferingRegistered(nhl, "nhlstenden", "Ad Creative Media Professional", "80151", null,
                        ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD, "Leeuwarden", ADMIN),
                new IntakeReported(nhl, 2021, null, true, ADMIN),
                new OfferingRegistered(UUID.randomUUID().toString(), "hu", "Ad Somewhere", null, null, ProgrammeLevel.ASSOCIATE_DEGREE,
                        ProgrammeForm.VOLTIJD, "Atlantis", ADMIN),
                // Fictional: an offering that ended, so snapshots and rebuilds carry a discontinuation too.
                new OfferingRegistered(nhlEnded, "nhlstenden", "Ad Media Design", null, null, ProgrammeLevel.ASSOCIATE_DEGREE,
                        ProgrammeForm.DEELTIJD, "Leeuwarden", ADMIN),
                new IntakeReported(nhlEnded, 2021, 11, false, ADMIN),
                new OfferingDiscontinued(nhlEnded, OfferingDiscontinued.Reason.ENDED, 2021, ADMIN));
    }

    private static List<LocationPosition> noted(List<String> locations) {
        return locations.stream().map(l -> position(l, PositionKind.NOTED, false, false)).toList();
    }

    private static LocationPosition position(String location, PositionKind kind, boolean provisional, boolean preferred) {
        return new LocationPosition(location, null, kind, List.of(), null, null, provisional, preferred);
    }
}
