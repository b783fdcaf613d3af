package nl.programmes.portal.identity.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in and acts for one organisation, with roles. The access stamp counts the changes to what the
 * account may do or prove; a token carries the stamp it was handed out with. A first password is one an administrator
 * gave, which the user is asked to replace with their own. When the user last signed in, and the time before, are kept
 * beside (null: never); a change of the account does not write them.
 */
public record UserAccount(String id, String displayName, String organisationId, Set<String> roles,
                          String passwordHash, boolean enabled, int accessStamp, boolean firstPassword, Instant lastSignedIn,
                          Instant previousSignedIn) {

    public static UserAccount created(String id, String displayName, String organisationId, Set<String> roles,
                                      String passwordHash, boolean firstPassword) {
        return new UserAccount(id, displayName, organisationId, Set.copyOf(roles), passwordHash, true, 0, firstPassword, null, null);
    }

    /**
     * The account after a change. New roles, a new password, or disabling or enabling the account raise the stamp, which
     * ends every session handed out before: a leaver's open session, a demoted administrator's, one signed in with a
     * password that was given away. A new name does not.
     */
    public UserAccount changedTo(String newName, Set<String> newRoles, String newPasswordHash, boolean nowEnabled) {
        boolean endsSessions = !newRoles.equals(roles) || !newPasswordHash.equals(passwordHash) || nowEnabled != enabled;
        return new UserAccount(id, newName, organisationId, Set.copyOf(newRoles), newPasswordHash, nowEnabled,
                endsSessions ? accessStamp + 1 : accessStamp, firstPassword, lastSignedIn, previousSignedIn);
    }

    /** With a password an administrator gave (true) or the user chose (false), as a change of password says. */
    public UserAccount withFirstPassword(boolean given) {
        return new UserAccount(id, displayName, organisationId, roles, passwordHash, enabled, accessStamp, given, lastSignedIn,
                previousSignedIn);
    }
}
