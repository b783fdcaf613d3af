package nl.programmes.kit.problem;

/** A change that must name the version it was based on (If-Match) did not (428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
