package nl.programmes.overview.projection;

import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.announcement.ValueChange;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.events.steering.SteeringMeetingHeld;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's sentences, word for word: they are stored, so a change shows only on lines written after it. */
class TimelineSentencesTest {

    private static final Actor SAXION = new Actor("m.jansen", "Marieke Jansen", "saxion");
    private static final LocalDate RECORDED = LocalDate.of(2024, 11, 4);

    @Test
    void anAnnouncement() {
        assertLine(new ProgrammeAnnounced("a-1", "A24-056", "saxion", new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE,
                        Orientation.HBO, "80123", null, List.of(ProgrammeForm.VOLTIJD), "nl", 120, BigDecimal.valueOf(2), "Techniek", "ICT"),
                        List.of("Enschede", "Deventer", "Apeldoorn"), "2026-09", null, null, null, SAXION),
                "{org:saxion} kondigt de Associate degree Smart Media Production aan in Enschede, Deventer en Apeldoorn (A24-056).",
                "{org:saxion} announced the Associate degree Smart Media Production in Enschede, Deventer and Apeldoorn (A24-056).");
    }

    @Test
    void anAmendmentSaysWhatIsNow() {
        assertLine(new AnnouncementAmended("a-1", 2, null, null, new ValueChange<>(List.of("Enschede", "Deventer"), List.of("Enschede")),
                        new ValueChange<>("2026-09", "2027-09"), null, null, null, SAXION),
                "{org:saxion} wijzigt de aankondiging: locaties nu Enschede; start nu september 2027.",
                "{org:saxion} amended the announcement: locations now Enschede; start now September 2027.");
    }

    @Test
    void anApplicationAndTheMinistersDecision() {
        assertLine(new ApplicationSubmitted("a-1", 4, LocalDate.of(2025, 3, 1), List.of("Enschede"),
                        List.of(ProgrammeForm.VOLTIJD, ProgrammeForm.DEELTIJD), SAXION),
                "{org:saxion} dient de aanvraag in voor Enschede (voltijd, deeltijd).",
                "{org:saxion} filed the application for Enschede (full-time, part-time).");
        assertLine(new ReviewOutcomeRecorded("a-1", 5, ReviewOutcomeRecorded.Advice.POSITIVE, null,
                        ReviewOutcomeRecorded.MinisterDecision.APPROVED, LocalDate.of(2025, 6, 1), SAXION),
                "De minister keurt de aanvraag goed (advies: positief).", "The minister approved the application (advice: positive).");
        assertLine(new ReviewOutcomeRecorded("a-1", 5, ReviewOutcomeRecorded.Advice.NEGATIVE, null,
                        ReviewOutcomeRecorded.MinisterDecision.REJECTED, LocalDate.of(2025, 6, 1), SAXION),
                "De minister wijst de aanvraag af (advies: negatief).", "The minister rejected the application (advice: negative).");
    }

    @Test
    void aConsultationRequestWithAndWithoutDueDate() {
        assertLine(new ConsultationRequested("c-1", "a-1", "saxion", "hu", ConsultationKind.BILATERAL, List.of("Enschede", "Deventer"),
                        List.of(ProgrammeForm.VOLTIJD), LocalDate.of(2024, 12, 1), null, SAXION),
                "{org:saxion} raadpleegt {org:hu} over Enschede en Deventer, graag voor 1 december 2024.",
                "{org:saxion} consulted {org:hu} on Enschede and Deventer, due 1 December 2024.");
        assertLine(new ConsultationRequested("c-1", "a-1", "saxion", "hu", ConsultationKind.BILATERAL, List.of("Enschede"),
                        List.of(ProgrammeForm.VOLTIJD), null, null, SAXION),
                "{org:saxion} raadpleegt {org:hu} over Enschede.", "{org:saxion} consulted {org:hu} on Enschede.");
    }

    @Test
    void aMeeting() {
        assertLine(new SteeringMeetingHeld("m-1", "rpo-oost", LocalDate.of(2025, 1, 20), List.of("a-1", "a-2"), null, List.of(), SAXION),
                "Vergadering van {org:rpo-oost}: 2 aankondigingen besproken.", "Meeting of {org:rpo-oost}: 2 announcements discussed.");
        assertLine(new SteeringMeetingHeld("m-1", "rpo-oost", LocalDate.of(2025, 1, 20), List.of("a-1"), null, List.of(), SAXION),
                "Vergadering van {org:rpo-oost}: 1 aankondiging besproken.", "Meeting of {org:rpo-oost}: 1 announcement discussed.");
        // A meeting of minutes alone.
        assertLine(new SteeringMeetingHeld("m-1", "rpo-oost", LocalDate.of(2025, 1, 20), List.of(), null, List.of(), SAXION),
                "Vergadering van {org:rpo-oost}.", "Meeting of {org:rpo-oost}.");
    }

    @Test
    void anOfferingAndItsIntake() {
        assertLine(new OfferingRegistered("o-1", "saxion", "Creative Media and Game Technologies", "34739", null, ProgrammeLevel.BACHELOR,
                        ProgrammeForm.VOLTIJD, "Enschede", SAXION),
                "{org:saxion} biedt Creative Media and Game Technologies aan in Enschede (voltijd).",
                "{org:saxion} offers Creative Media and Game Technologies in Enschede (full-time).");
        assertLine(new OfferingRegistered("o-1", "saxion", "Creative Media and Game Technologies", "34739", null, ProgrammeLevel.BACHELOR,
                        ProgrammeForm.DEELTIJD, null, SAXION),
                "{org:saxion} biedt Creative Media and Game Technologies aan (deeltijd).",
                "{org:saxion} offers Creative Media and Game Technologies (part-time).");
        assertLine(new IntakeReported("o-1", 2023, 212, false, SAXION),
                "Instroom 2023 van {offering:o-1}: 212.", "Intake 2023 of {offering:o-1}: 212.");
        assertLine(new IntakeReported("o-1", 2019, null, true, SAXION),
                "Instroom 2019 van {offering:o-1}: <5.", "Intake 2019 of {offering:o-1}: <5.");
        assertLine(new OfferingDiscontinued("o-1", OfferingDiscontinued.Reason.ENDED, 2024, SAXION),
                "{offering:o-1} wordt beëindigd: de laatste instroom is in 2024.", "{offering:o-1} is ending: its last intake is in 2024.");
        assertLine(new OfferingDiscontinued("o-1", OfferingDiscontinued.Reason.REGISTERED_IN_ERROR, null, SAXION),
                "{offering:o-1} is uit het register gehaald: ten onrechte geregistreerd.",
                "{offering:o-1} was taken out of the register: registered in error.");
        assertThat(TimelineSentences.offeringOf(new OfferingDiscontinued("o-1", OfferingDiscontinued.Reason.ENDED, 2024, SAXION)))
                .isEqualTo("o-1");
        assertLine(new OfferingResumed("o-1", SAXION), "{offering:o-1} loopt toch door: de beëindiging is ingetrokken.",
                "{offering:o-1} runs on after all: its ending was withdrawn.");
        assertThat(TimelineSentences.offeringOf(new OfferingResumed("o-1", SAXION))).isEqualTo("o-1");
    }

    private static void assertLine(DomainEvent event, String dutch, String english) {
        TimelineSentences.Line line = TimelineSentences.of(event, RECORDED);
        assertThat(line.dutch()).isEqualTo(dutch);
        assertThat(line.english()).isEqualTo(english);
    }
}
