package nl.programmes.portal.identity.application;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import nl.programmes.kit.security.AccountAccess;
import nl.programmes.kit.security.SigningKey;
import nl.programmes.portal.identity.domain.UserAccount;
import nl.programmes.portal.identity.persistence.IdentityRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.util.List;

/**
 * Tells whether a token the portal handed out still opens a session: not once its account's access changed (see
 * {@link UserAccount#changedTo}). Tokens are checked on the HTTP event loop, so this answers from memory: the portal's
 * own changes at once, the database's (another portal instance's changes) every few seconds. Loaded before the portal
 * serves, so a restart does not reopen ended sessions.
 */
@Context
public class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final IdentityRepository repository;
    private final AccountAccess access;
    private final SigningKeys keys;

    public Sessions(IdentityRepository repository, Clock clock, SigningKeys keys) {
        this.repository = repository;
        this.access = new AccountAccess(clock);
        this.keys = keys;
        repository.accesses().forEach(access::learn);
    }

    @Scheduled(fixedDelay = "${platform.identity.access-refresh:5s}", initialDelay = "${platform.identity.access-refresh:5s}")
    void refresh() {
        try {
            repository.accesses().forEach(access::learn);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the accounts' access again; checking tokens against what was read before: {}", e.toString());
        }
    }

    /** Called after the portal changed or signed in an account. */
    public void learn(UserAccount account) {
        access.learn(new AccountAccess.Access(account.id(), account.enabled(), account.accessStamp()));
    }

    /** For a token's claims ({@link AccountAccess.Stamped#of}). */
    public boolean open(Object issuer, Object subject, Object stamp) {
        return AccountAccess.Stamped.of(issuer, subject, stamp).map(token -> access.admits(token.userId(), token.stamp()))
                .orElse(true);
    }

    /**
     * The accounts whose access changed within a token's lifetime, as the portal publishes them for the services
     * ({@code EndedSessions}): an older change has no token left to end.
     */
    public List<AccountAccess.Access> changed() {
        return access.changedWithin(keys.tokenLifetime());
    }

    /**
     * For a token the gateway passes on: read without checking its signature, which the owning service checks. One that
     * cannot be read is left to that service to refuse.
     */
    public boolean open(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            return open(claims.getIssuer(), claims.getSubject(), claims.getClaim(SigningKey.ACCESS_STAMP));
        } catch (ParseException e) {
            return true;
        }
    }
}
