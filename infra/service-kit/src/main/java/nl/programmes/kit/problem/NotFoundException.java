package nl.programmes.kit.problem;

/** The addressed resource does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
