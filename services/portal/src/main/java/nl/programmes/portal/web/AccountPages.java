package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.portal.identity.api.AuthController;
import nl.programmes.portal.identity.api.SessionCookies;
import nl.programmes.portal.identity.application.AccountService;

import java.util.HashMap;
import java.util.Map;

/**
 * The signed-in user's own account: who they act as, and a new password for the first one an administrator gave them
 * (the organisations page tells the administrator to hand it over by another way; this is where it is replaced).
 */
@Controller("/account")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountPages {

    private final AccountService accounts;
    private final SessionCookies cookies;

    public AccountPages(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    /**
     * Who the user acts as, and the password form. Sent here after signing in with a first password ({@code first}), it
     * asks for the user's own; {@code next} is where they were going, offered once the password is changed.
     */
    @Get
    public HttpResponse<?> account(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String next) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("changed", request.getParameters().contains("changed"));
        model.put("first", request.getParameters().contains("first"));
        model.put("next", onward(next));
        return Page.render(auth, request, "account", model);
    }

    /** A page to go on to, if it is one of the portal's own (as sign-in's {@code next} must be) and not this one. */
    private static String onward(@Nullable String next) {
        return next != null && SignInPages.safe(next).equals(next) && !next.startsWith("/account") ? next : null;
    }

    @Post("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> changePassword(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> model = new HashMap<>();
        model.put("changed", false);
        model.put("first", form.text("first") != null);
        model.put("next", onward(form.text("next")));
        try {
            // In-process, as sign-in is: the throttle counts a wrong current password by the client's own address.
            AccountService.SignedIn session = accounts.changePassword(Page.me(auth).user(),
                    form.values().getOrDefault("currentPassword", ""), form.values().getOrDefault("newPassword", ""),
                    AuthController.clientAddress(request)); // as typed: spaces count
            // The user's other sessions have ended; this browser's continues with a new token.
            String onward = onward(form.text("next"));
            return Page.seeOther("/account?changed=1" + (onward == null ? "" : "&next=" + PortalApi.encode(onward)))
                    .cookie(cookies.signedIn(session));
        } catch (InvalidCommandException e) {
            e.violations().forEach(v -> form.errors().put(v.field(), v.message())); // passwords are never sent back
            model.put("errors", form.errors());
            model.put("problem", e.getMessage());
            return Page.unprocessable(auth, request, "account", model);
        } catch (AccountService.TooManyAttempts e) {
            model.put("throttled", true);
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Page.view(auth, request, "account", model))
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
    }
}
