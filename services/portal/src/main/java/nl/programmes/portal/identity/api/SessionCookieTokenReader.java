package nl.programmes.portal.identity.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the browser's session cookie as a token, beside the bearer header. (The framework's own
 * cookie reader comes only with its cookie login mode, which would replace bearer tokens for API clients.)
 */
@Singleton
public class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(AuthController.SESSION_COOKIE).map(Cookie::getValue)
                .filter(value -> !value.isBlank());
    }
}
