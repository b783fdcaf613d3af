package nl.programmes.kit.security;

import nl.programmes.events.Actor;
import nl.programmes.kit.problem.ForbiddenException;

import java.util.Set;

/** Who is calling, for which organisation, with which roles: what application services check. */
public record Caller(Actor actor, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String organisationId() {
        return actor.organisationId();
    }

    /** Allows acting for the organisation if it is the caller's own, or if the caller is an admin. */
    public void requireActsFor(String organisationId, String what) {
        if (!actor.organisationId().equals(organisationId) && !isAdmin()) {
            throw new ForbiddenException(actor.organisationId() + " may not " + what + " for " + organisationId);
        }
    }
}
