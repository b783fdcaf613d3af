package nl.programmes.kit.security;

/** The roles a user can hold. Every command endpoint names the ones it accepts. */
public final class Roles {

    public static final String INSTITUTION_STAFF = "INSTITUTION_STAFF";
    public static final String CONSULTEE = "CONSULTEE";
    public static final String STEERING_MEMBER = "STEERING_MEMBER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
