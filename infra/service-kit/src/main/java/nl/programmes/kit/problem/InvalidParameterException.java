package nl.programmes.kit.problem;

/**
 * A query or path parameter the framework could parse but the service cannot use, such as a paging cursor
 * that no page handed out. Answered with 400 naming the parameter, as a failed Bean Validation is.
 */
public class InvalidParameterException extends RuntimeException {

    private final FieldViolation violation;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.violation = new FieldViolation(parameter, message);
    }

    public FieldViolation violation() {
        return violation;
    }
}
