package nl.programmes.portal.identity.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.portal.identity.application.SigningKeys;

/** Publishes the portal's public signing keys; every other service validates tokens against them. */
@Controller("/.well-known/jwks.json")
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.publicJwks();
    }
}
