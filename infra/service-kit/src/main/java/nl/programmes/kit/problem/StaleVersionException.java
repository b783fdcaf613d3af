package nl.programmes.kit.problem;

/** The caller's If-Match no longer matches: someone changed the resource first (412). */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }
}
