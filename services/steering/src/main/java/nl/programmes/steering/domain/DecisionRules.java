package nl.programmes.steering.domain;

import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.ObjectionReference;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What makes a steering decision (and a meeting's date) valid, checked against this service's replicas. */
public final class DecisionRules {

    private DecisionRules() {
    }

    /** The facts the rules need, looked up beforehand. */
    public record Facts(boolean committeeKnown, boolean announcementKnown, List<String> candidateLocations,
                        Predicate<ObjectionReference> objectionExists, LocalDate today) {
    }

    public static void check(RecordDecision command, Facts facts) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!facts.committeeKnown()) {
            violations.add(new FieldViolation("committee", "is not a steering committee in the directory"));
        }
        if (!facts.announcementKnown()) {
            violations.add(new FieldViolation("announcementId", "is not a known announcement"));
        } else {
            for (int i = 0; i < command.locations().size(); i++) {
                if (!facts.candidateLocations().contains(command.locations().get(i))) {
                    violations.add(new FieldViolation("locations[" + i + "]", command.locations().get(i)
                            + " is not among the announcement's locations (" + String.join(", ", facts.candidateLocations()) + ")"));
                }
            }
        }
        rationaleGiven(command.decision(), command.rationale(), violations);
        meetingHeld(command.meetingDate(), facts.today(), violations);
        for (int i = 0; i < command.rulesOn().size(); i++) {
            if (!facts.objectionExists().test(command.rulesOn().get(i))) {
                violations.add(new FieldViolation("rulesOn[" + i + "]", "names no recorded objection on "
                        + command.rulesOn().get(i).location() + " in that consultation of this announcement"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }

    // The rules below read the command alone: the API runs them too on a request whose other fields are malformed,
    // so a form learns all its mistakes at once. Each skips what it is not given.

    /** A decision against or rejecting needs its reasons written down. */
    public static void rationaleGiven(Decision decision, String rationale, List<FieldViolation> violations) {
        if (decision != null && decision.needsRationale() && (rationale == null || rationale.isBlank())) {
            violations.add(new FieldViolation("rationale", "is required for " + decision));
        }
    }

    /** Decisions and minutes are recorded of a meeting that was held. */
    public static void meetingHeld(LocalDate meetingDate, LocalDate today, List<FieldViolation> violations) {
        if (meetingDate != null && meetingDate.isAfter(today)) {
            violations.add(new FieldViolation("meetingDate", "must not be in the future"));
        }
    }
}
