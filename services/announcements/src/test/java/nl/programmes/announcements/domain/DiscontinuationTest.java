package nl.programmes.announcements.domain;

import nl.programmes.events.offering.OfferingDiscontinued.Reason;
import nl.programmes.kit.problem.InvalidCommandException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Why an offering left the register, and which corrections of that are taken. */
class DiscontinuationTest {

    private static final Map<Integer, IntakeFigure> UP_TO_2023 = Map.of(2022, new IntakeFigure(17, false), 2023, new IntakeFigure(null, true));

    @Test
    void anEndingNamesItsYearNotBeforeARecordedFigureAndWithinFiveYears() {
        assertThat(Discontinuation.of(Reason.ENDED, 2023, 2026, UP_TO_2023)).hasToString("ENDED 2023");
        assertThat(Discontinuation.of(Reason.REGISTERED_IN_ERROR, null, 2026, UP_TO_2023)).hasToString("REGISTERED_IN_ERROR");
        assertRefused(() -> Discontinuation.of(Reason.ENDED, 2022, 2026, UP_TO_2023), "lastIntakeYear", "intake is recorded for 2023, after that year");
        assertRefused(() -> Discontinuation.of(Reason.ENDED, 2032, 2026, UP_TO_2023), "lastIntakeYear", "must be between 1990 and 2031");
        assertRefused(() -> Discontinuation.of(Reason.ENDED, null, 2026, UP_TO_2023), "lastIntakeYear", "is required for ENDED");
        assertRefused(() -> Discontinuation.of(Reason.REGISTERED_IN_ERROR, 2023, 2026, UP_TO_2023), "lastIntakeYear",
                "must be empty for REGISTERED_IN_ERROR");
    }

    @Test
    void anEndingIsCorrectedButRegisteredInErrorIsFinal() {
        Discontinuation ended = new Discontinuation(Reason.ENDED, 2023);
        Discontinuation inError = new Discontinuation(Reason.REGISTERED_IN_ERROR, null);

        ended.requireCorrectable();
        assertRefused(inError::requireCorrectable, "reason",
                "the offering was taken out as registered in error, which is final; register the offering that was meant");
    }

    @Test
    void anEndedOfferingTakesFiguresUpToItsLastYearAndOneInErrorNone() {
        Discontinuation ended = new Discontinuation(Reason.ENDED, 2023);
        ended.requireTakes(2023);
        assertRefused(() -> ended.requireTakes(2024), "studyYear", "the offering took its last first-year students in 2023");
        assertRefused(() -> new Discontinuation(Reason.REGISTERED_IN_ERROR, null).requireTakes(2020), "studyYear",
                "the offering was registered in error and takes no figures");
    }

    private static void assertRefused(Runnable command, String field, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.message()).isEqualTo(message);
                }));
    }
}
