package nl.programmes.kit.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses a token of the portal's whose session has ended ({@link EndedSessions}), as an expired one is refused. */
@Singleton
@Requires(beans = EndedSessions.class)
public class EndedSessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final EndedSessions ended;

    public EndedSessionClaimsValidator(EndedSessions ended) {
        this.ended = ended;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        return AccountAccess.Stamped.of(claims.get(Claims.ISSUER), claims.get(Claims.SUBJECT), claims.get(SigningKey.ACCESS_STAMP))
                .map(token -> ended.admits(token.userId(), token.stamp())).orElse(true);
    }
}
