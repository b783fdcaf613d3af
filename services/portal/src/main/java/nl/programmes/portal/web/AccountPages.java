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

    @Get
    public HttpResponse<?> account(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("changed", request.getParameters().contains("changed"));
        return Page.render(auth, request, "account", model);
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
        try {
            // In-process, as sign-in is: the throttle counts a wrong current password by the client's own address.
            AccountService.SignedIn session = accounts.changePassword(Page.me(auth).user(),
                    form.values().getOrDefault("currentPassword", ""), form.values().getOrDefault("newPassword", ""),
                    AuthController.clientAddress(request)); // as typed: spaces count
            // The user's other sessions have ended; this browser's continues with a new token.
            return Page.seeOther("/account?changed=1").cookie(cookies.signedIn(session));
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
