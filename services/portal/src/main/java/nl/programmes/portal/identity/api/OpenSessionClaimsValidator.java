package nl.programmes.portal.identity.api;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import nl.programmes.kit.security.SigningKey;
import nl.programmes.portal.identity.application.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The portal's pages and its own API refuse a token whose session has ended, as they refuse an expired one. */
@Singleton
public class OpenSessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSessionClaimsValidator.class);

    private final Sessions sessions;

    public OpenSessionClaimsValidator(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        boolean open = sessions.open(claims.get(Claims.ISSUER), claims.get(Claims.SUBJECT), claims.get(SigningKey.ACCESS_STAMP));
        if (!open) {
            LOG.debug("Refused a token of {}: its session has ended", claims.get(Claims.SUBJECT));
        }
        return open;
    }
}
