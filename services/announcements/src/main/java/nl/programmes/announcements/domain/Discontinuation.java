package nl.programmes.announcements.domain;

import io.micronaut.core.annotation.Nullable;
import nl.programmes.events.offering.OfferingDiscontinued.Reason;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why an offering left the register. An ended offering keeps its intake figures up to its last intake year, and takes
 * no figure after it; one registered in error takes none at all. An ending may be corrected afterwards (a wrong last
 * intake year, or an offering found to have been registered in error); taken out as registered in error is final.
 */
public record Discontinuation(Reason reason, @Nullable Integer lastIntakeYear) {

    /** How far ahead an institution may say its last intake will be: a programme is usually phased out within years. */
    static final int YEARS_AHEAD = 5;

    /**
     * The discontinuation asked for, checked against the figures already recorded: an ended offering's last intake year
     * is required, from 1990 to {@value #YEARS_AHEAD} years ahead, and not before a year with a recorded figure.
     *
     * @throws InvalidCommandException naming each field at fault
     */
    public static Discontinuation of(Reason reason, @Nullable Integer lastIntakeYear, int thisYear, Map<Integer, IntakeFigure> recorded) {
        List<FieldViolation> violations = new ArrayList<>();
        int latestRecorded = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
        if (reason == Reason.REGISTERED_IN_ERROR && lastIntakeYear != null) {
            violations.add(new FieldViolation("lastIntakeYear", "must be empty for " + reason));
        } else if (reason == Reason.ENDED && lastIntakeYear == null) {
            violations.add(new FieldViolation("lastIntakeYear", "is required for " + reason));
        } else if (lastIntakeYear != null && (lastIntakeYear < 1990 || lastIntakeYear > thisYear + YEARS_AHEAD)) {
            violations.add(new FieldViolation("lastIntakeYear", "must be between 1990 and " + (thisYear + YEARS_AHEAD)));
        } else if (lastIntakeYear != null && latestRecorded > lastIntakeYear) {
            violations.add(new FieldViolation("lastIntakeYear", "intake is recorded for " + latestRecorded + ", after that year"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        return new Discontinuation(reason, lastIntakeYear);
    }

    /**
     * That this recorded discontinuation may be corrected: an ended offering's last intake year, or the offering found
     * never to have existed. One registered in error has given up its place in the register (its key is free for the
     * offering that was meant), so it is not brought back by a correction.
     *
     * @throws InvalidCommandException naming {@code reason} when this one is final
     */
    public void requireCorrectable() {
        if (reason == Reason.REGISTERED_IN_ERROR) {
            throw new InvalidCommandException("reason", "the offering was taken out as registered in error, which is final; "
                    + "register the offering that was meant");
        }
    }

    /**
     * @throws InvalidCommandException when the offering takes no figure for the year
     */
    public void requireTakes(int studyYear) {
        if (reason == Reason.REGISTERED_IN_ERROR) {
            throw new InvalidCommandException("studyYear", "the offering was registered in error and takes no figures");
        }
        if (studyYear > lastIntakeYear) {
            throw new InvalidCommandException("studyYear", "the offering took its last first-year students in " + lastIntakeYear);
        }
    }

    /** As the service's messages name it: "ENDED 2024", "REGISTERED_IN_ERROR". */
    @Override
    public String toString() {
        return lastIntakeYear == null ? reason.name() : reason + " " + lastIntakeYear;
    }
}
