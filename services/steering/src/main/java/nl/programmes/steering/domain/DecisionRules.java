package nl.programmes.steering.domain;

import nl.programmes.events.steering.ObjectionReference;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What makes a steering decision valid, checked against this service's replicas. */
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
        if (command.decision().needsRationale() && (command.rationale() == null || command.rationale().isBlank())) {
            violations.add(new FieldViolation("rationale", "is required for " + command.decision()));
        }
        if (command.meetingDate().isAfter(facts.today())) {
            violations.add(new FieldViolation("meetingDate", "must not be in the future"));
        }
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
}
