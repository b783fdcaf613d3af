package nl.programmes.portal.identity.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.kit.security.AccountAccess;
import nl.programmes.kit.security.EndedSessions;
import nl.programmes.portal.identity.application.Sessions;
import nl.programmes.portal.identity.application.SigningKeys;

/**
 * What every other service reads from the portal to check tokens: the public signing keys, and the accounts whose
 * access changed (so that a session the portal ended is refused by the services too; docs/identity.md).
 */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

    private final SigningKeys keys;
    private final Sessions sessions;

    public JwksController(SigningKeys keys, Sessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Get("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.publicJwks();
    }

    /** Named by a hash of the user id, not the id: the list is public, as the keys are. */
    @Get("/ended-sessions")
    public EndedSessions.Published endedSessions() {
        return new EndedSessions.Published(sessions.changed().stream()
                .map(access -> new EndedSessions.Account(AccountAccess.published(access.userId()), access.stamp(), access.enabled()))
                .toList());
    }
}
