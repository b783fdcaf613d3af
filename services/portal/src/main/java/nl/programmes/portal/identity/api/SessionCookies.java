package nl.programmes.portal.identity.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import nl.programmes.portal.identity.application.AccountService;

/** The browser session: the signed token in a secure, HttpOnly, SameSite=Lax cookie named "session". */
@Singleton
public class SessionCookies {

    public static final String NAME = "session";

    private final boolean secure;

    public SessionCookies(@Value("${platform.identity.secure-cookie:true}") boolean secure) {
        this.secure = secure;
    }

    public Cookie signedIn(AccountService.SignedIn session) {
        return cookie(session.token(), session.validFor().toSeconds());
    }

    public Cookie signedOut() {
        return cookie("", 0);
    }

    private Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.of(NAME, value).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/").maxAge(maxAgeSeconds);
    }
}
