package nl.programmes.kit.inbox;

/** A record that will never process as it is: it is parked on the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
