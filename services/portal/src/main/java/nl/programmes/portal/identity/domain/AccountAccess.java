package nl.programmes.portal.identity.domain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What the portal knows of each account's access, to tell a token whose session has ended. It is learnt from the
 * portal's own changes at once and from the database every few seconds (another portal instance's changes); stamps only
 * rise, so whichever news carries the higher stamp wins, and news read before a change cannot undo it.
 */
public final class AccountAccess {

    /** An account's access: whether it may sign in, and its stamp. */
    public record Access(String userId, boolean enabled, int stamp) {
    }

    private final ConcurrentHashMap<String, Access> known = new ConcurrentHashMap<>();

    public void learn(Access access) {
        known.merge(access.userId(), access, (before, now) -> now.stamp() >= before.stamp() ? now : before);
    }

    /**
     * Whether a token handed out to this user with this stamp still opens a session. A stamp above the one known is
     * newer than this knowledge (signed in on another instance after a change), so it is admitted. A user not known
     * here is no account the portal keeps (a token minted for development) or one created a moment ago elsewhere.
     */
    public boolean admits(String userId, int stamp) {
        Access access = known.get(userId);
        return access == null || stamp > access.stamp() || stamp == access.stamp() && access.enabled();
    }
}
