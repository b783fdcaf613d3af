package nl.programmes.portal.identity.domain;

import java.util.Set;

/** A person who signs in and acts for one organisation, with roles. */
public record UserAccount(String id, String displayName, String organisationId, Set<String> roles,
                          String passwordHash, boolean enabled) {
}
