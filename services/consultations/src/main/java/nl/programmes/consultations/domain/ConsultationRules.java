package nl.programmes.consultations.domain;

import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.kit.problem.FieldViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * The consultation's rules that read the command alone, nothing stored. {@link Consultation} applies them; the API
 * runs them too on a request whose other fields are malformed, so a form learns all its mistakes at once. Each rule
 * skips what it is not given (null), as the request's own constraints name a missing part.
 */
public final class ConsultationRules {

    private ConsultationRules() {
    }

    /** A consultation is asked to answer by a day still to come. */
    public static void dueDateNotPast(LocalDate dueDate, LocalDate today, List<FieldViolation> violations) {
        if (dueDate != null && dueDate.isBefore(today)) {
            violations.add(new FieldViolation("dueDate", "must not be in the past"));
        }
    }

    /** Positions are taken at a meeting that was held. */
    public static void meetingNotFuture(LocalDate meetingDate, LocalDate today, List<FieldViolation> violations) {
        if (meetingDate != null && meetingDate.isAfter(today)) {
            violations.add(new FieldViolation("meetingDate", "must not be in the future"));
        }
    }

    /**
     * What a position of its kind must say: an objection its grounds and explanation, a conditional consent its
     * conditions; only an objection has grounds.
     *
     * @param field the position's path, {@code positions[0]}
     */
    public static void positionSaysEnough(String field, PositionKind position, List<ObjectionGround> grounds,
                                          String explanation, String conditions, List<FieldViolation> violations) {
        if (position == null) {
            return;
        }
        boolean hasGrounds = grounds != null && !grounds.isEmpty();
        if (position == PositionKind.OBJECTION) {
            if (!hasGrounds) {
                violations.add(new FieldViolation(field + ".grounds", "an objection needs at least one ground"));
            }
            if (explanation == null || explanation.isBlank()) {
                violations.add(new FieldViolation(field + ".explanation", "an objection needs an explanation"));
            }
        } else if (hasGrounds) {
            violations.add(new FieldViolation(field + ".grounds", "only an objection has grounds"));
        }
        if (position == PositionKind.CONDITIONAL_CONSENT && (conditions == null || conditions.isBlank())) {
            violations.add(new FieldViolation(field + ".conditions", "conditional consent needs its conditions"));
        }
    }
}
