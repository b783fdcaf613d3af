package nl.programmes.portal.identity.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.programmes.kit.problem.Problems;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Caller;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.application.SigningKeys;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out. {@code POST /api/auth/login} answers with a signed JWT for API clients and
 * sets the same token as a secure, HttpOnly session cookie for the browser.
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    public static final String SESSION_COOKIE = SessionCookies.NAME;

    private final AccountService accounts;
    private final SigningKeys keys;
    private final Problems problems;
    private final SessionCookies cookies;

    public AuthController(AccountService accounts, SigningKeys keys, Problems problems, SessionCookies cookies) {
        this.accounts = accounts;
        this.keys = keys;
        this.problems = problems;
        this.cookies = cookies;
    }

    @Serdeable
    @Introspected
    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** Body of {@code POST /api/auth/password}: the current password, and the new one (as a first password is). */
    @Serdeable
    @Introspected
    public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                                 @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
    }

    /** {@code firstPassword}: signed in with one an administrator gave; {@code POST /api/auth/password} replaces it. */
    @Serdeable
    public record LoginResponse(String token, String tokenType, long expiresIn, Me user, boolean firstPassword) {
    }

    @Serdeable
    public record Me(String id, String name, String organisation, List<String> roles) {
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(@Body @Valid LoginRequest request, HttpRequest<?> http) {
        Optional<AccountService.SignedIn> signedIn;
        try {
            signedIn = accounts.login(request.username(), request.password(), clientAddress(http));
        } catch (AccountService.TooManyAttempts e) {
            return tooMany(http, e);
        }
        if (signedIn.isEmpty()) {
            return problems.detail(http, HttpStatus.UNAUTHORIZED, null, "Unknown user or wrong password");
        }
        return HttpResponse.ok(response(signedIn.get())).cookie(cookies.signedIn(signedIn.get()));
    }

    /**
     * The signed-in user replaces their password: 200 with a new token, as a sign-in answers (every token handed out
     * before, the one this request carried too, no longer opens a session), or 422 naming the field (a wrong current
     * password). A browser's session cookie is replaced, so the page it came from stays signed in.
     */
    @Post("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> changePassword(@Body @Valid PasswordChange request, Authentication authentication, HttpRequest<?> http) {
        AccountService.SignedIn session;
        try {
            session = accounts.changePassword(Actors.caller(authentication).actor().userId(), request.currentPassword(),
                    request.newPassword(), clientAddress(http));
        } catch (AccountService.TooManyAttempts e) {
            return tooMany(http, e);
        }
        MutableHttpResponse<LoginResponse> answer = HttpResponse.ok(response(session));
        return http.getCookies().contains(SESSION_COOKIE) ? answer.cookie(cookies.signedIn(session)) : answer;
    }

    private static LoginResponse response(AccountService.SignedIn session) {
        var user = session.user();
        return new LoginResponse(session.token(), "Bearer", session.validFor().toSeconds(),
                new Me(user.id(), user.displayName(), user.organisationId(), List.copyOf(user.roles())), user.firstPassword());
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> logout() {
        return HttpResponse.noContent().cookie(cookies.signedOut());
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Me me(Authentication authentication) {
        Caller caller = Actors.caller(authentication);
        return new Me(caller.actor().userId(), caller.actor().displayName(), caller.organisationId(),
                List.copyOf(caller.roles()));
    }

    private HttpResponse<?> tooMany(HttpRequest<?> http, AccountService.TooManyAttempts e) {
        return problems.detail(http, HttpStatus.TOO_MANY_REQUESTS, e, e.getMessage())
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }

    /** The client's address, which the sign-in throttle counts failures by (the portal's pages pass it in too). */
    public static String clientAddress(HttpRequest<?> http) {
        InetSocketAddress remote = http.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** Starts signing with a new key; tokens signed with the old one stay valid until they expire. */
    @Post("/keys/rotation")
    @Secured(Roles.ADMIN)
    public Map<String, String> rotate() {
        return Map.of("kid", keys.rotate());
    }
}
