package nl.programmes.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is known of each account's access, to tell a token whose session has ended: the portal's own knowledge (its
 * changes at once, the database's every few seconds), and each service's, read from the portal
 * ({@link EndedSessions}). Stamps only rise, so whichever news carries the higher stamp wins, and news read before a
 * change cannot undo it. An account's access stamp is raised by every change of its roles, its password or whether it
 * may sign in; a token carries the stamp it was handed out with ({@link SigningKey#ACCESS_STAMP}).
 */
public final class AccountAccess {

    /** An account's access: whether it may sign in, and its stamp. */
    public record Access(String userId, boolean enabled, int stamp) {
    }

    /** The user and access stamp a token of the portal's carries. */
    public record Stamped(String userId, int stamp) {

        /**
         * From a token's claims; none for a token of another issuer (SURFconext), which is that issuer's to end. A token
         * of the portal's without a stamp (minted for development) counts as stamp 0, an account's stamp until its
         * access first changes.
         */
        public static Optional<Stamped> of(Object issuer, Object subject, Object stamp) {
            if (!SigningKey.ISSUER.equals(issuer) || !(subject instanceof String user)) {
                return Optional.empty();
            }
            return Optional.of(new Stamped(user, stamp instanceof Number number ? number.intValue() : 0));
        }
    }

    private final ConcurrentHashMap<String, Access> known = new ConcurrentHashMap<>();
    /** When this learnt of each account's latest change. */
    private final ConcurrentHashMap<String, Instant> learntAt = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccountAccess(Clock clock) {
        this.clock = clock;
    }

    public void learn(Access access) {
        known.compute(access.userId(), (user, before) -> {
            if (before != null && access.stamp() < before.stamp()) {
                return before; // read before a change this knows of already
            }
            if (before == null || access.stamp() > before.stamp()) {
                learntAt.put(user, clock.instant()); // news; the same stamp read again is not
            }
            return access;
        });
    }

    /**
     * The accounts whose access changed, of which this learnt within {@code window}: what the services need to know. A
     * token lives an hour, so a change longer ago than that has no token left that it ends; the list stays short however
     * long the platform runs.
     */
    public List<Access> changedWithin(Duration window) {
        Instant since = clock.instant().minus(window);
        return known.values().stream().filter(access -> access.stamp() > 0 || !access.enabled())
                .filter(access -> !learntAt.getOrDefault(access.userId(), Instant.MIN).isBefore(since)).toList();
    }

    /**
     * How an account is named where the portal publishes the accounts whose access changed: a SHA-256 of its user id,
     * so the published list does not name anyone.
     */
    public static String published(String userId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
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
