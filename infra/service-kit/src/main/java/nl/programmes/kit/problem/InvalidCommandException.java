package nl.programmes.kit.problem;

import java.util.List;

/**
 * A well-formed command that breaks a domain rule (a duplicate reference, a location that is not a
 * candidate, a change to a withdrawn announcement). Answered with 422 naming each field.
 */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidCommandException(List<FieldViolation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields break the rules");
        this.violations = List.copyOf(violations);
    }

    public InvalidCommandException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
