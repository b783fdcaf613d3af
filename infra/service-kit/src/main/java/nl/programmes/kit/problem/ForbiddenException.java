package nl.programmes.kit.problem;

/** The caller is signed in but may not do this for this organisation (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
