package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.portal.identity.api.SessionCookies;
import nl.programmes.portal.identity.api.AuthController;
import nl.programmes.portal.identity.application.AccountService;

import java.util.HashMap;
import java.util.Map;

/** Sign-in with the session cookie, sign-out, and the language switch (Dutch by default). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInPages {

    public static final String LANGUAGE_COOKIE = "lang";

    private final AccountService accounts;
    private final SessionCookies cookies;

    public SignInPages(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    /**
     * The sign-in form. Reached with a session cookie that no longer signs in (expired, or ended by a change to the
     * account), it says so, so that being asked again does not look like a fault, and clears the cookie.
     */
    @Get("/sign-in")
    public HttpResponse<?> form(@Nullable @QueryValue String next, @Nullable Authentication auth, HttpRequest<?> request) {
        boolean ended = auth == null && request.getCookies().findCookie(SessionCookies.NAME).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).isPresent();
        MutableHttpResponse<?> form = HttpResponse.ok(Page.view(null, request, "sign-in",
                Map.of("next", safe(next), "form", Form.empty().values(), "ended", ended)));
        return ended ? form.cookie(cookies.signedOut()) : form;
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(@Body Map<String, Object> body, HttpRequest<?> request) {
        Form form = new Form(body);
        String next = safe(form.text("next"));
        String username = form.text("username");
        String password = form.values().getOrDefault("password", "");
        Map<String, Object> model = new HashMap<>(Map.of("next", next, "form", Map.of("username", username == null ? "" : username)));
        if (username == null || password.isEmpty()) {
            model.put("failure", "signin.missing");
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Page.view(null, request, "sign-in", model));
        }
        try {
            var signedIn = accounts.login(username, password, AuthController.clientAddress(request));
            if (signedIn.isEmpty()) {
                model.put("failure", "signin.wrong");
                return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Page.view(null, request, "sign-in", model));
            }
            // A password an administrator gave is one someone else knows: ask for the user's own before anything else.
            String then = signedIn.get().user().firstPassword() ? "/account?first=1&next=" + PortalApi.encode(next) : next;
            return Page.seeOther(then).cookie(cookies.signedIn(signedIn.get()));
        } catch (AccountService.TooManyAttempts e) {
            model.put("failure", "signin.throttled");
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Page.view(null, request, "sign-in", model))
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
    }

    @Post("/sign-out")
    public HttpResponse<?> signOut() {
        return Page.seeOther("/sign-in").cookie(cookies.signedOut());
    }

    /** Dutch is the default; the choice is remembered for a year in a cookie the locale resolver reads. */
    @Get("/language/{language}")
    public HttpResponse<?> language(String language, @Nullable @QueryValue String back) {
        String chosen = "en".equals(language) ? "en" : "nl";
        return Page.seeOther(safe(back)).cookie(Cookie.of(LANGUAGE_COOKIE, chosen).path("/").maxAge(365L * 24 * 3600)
                .sameSite(SameSite.Lax));
    }

    /** Only local paths: an open redirect after sign-in would let a link send users anywhere. */
    static String safe(@Nullable String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }


}
