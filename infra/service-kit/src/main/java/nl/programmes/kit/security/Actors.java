package nl.programmes.kit.security;

import io.micronaut.security.authentication.Authentication;
import nl.programmes.events.Actor;
import nl.programmes.kit.problem.ForbiddenException;

import java.util.Set;

/**
 * Reads the acting person and organisation from a validated token. Tokens carry {@code sub},
 * {@code name}, {@code org} and {@code roles}; every event records the resulting {@link Actor}.
 */
public final class Actors {

    public static final String ORGANISATION_CLAIM = "org";
    public static final String NAME_CLAIM = "name";

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Object organisation = authentication.getAttributes().get(ORGANISATION_CLAIM);
        if (organisation == null || organisation.toString().isBlank()) {
            throw new ForbiddenException("The token names no organisation (claim 'org')");
        }
        Object name = authentication.getAttributes().get(NAME_CLAIM);
        return new Actor(authentication.getName(), name == null ? null : name.toString(), organisation.toString());
    }

    public static Caller caller(Authentication authentication) {
        return new Caller(of(authentication), Set.copyOf(authentication.getRoles()));
    }

    public static boolean hasRole(Authentication authentication, String role) {
        return authentication.getRoles().contains(role);
    }

    /** Allows the caller to act for the organisation if it is their own, or if they are an admin. */
    public static void requireActsFor(Authentication authentication, String organisationId, String what) {
        caller(authentication).requireActsFor(organisationId, what);
    }
}
