package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

    private final PortalApi api;

    public AccountPages(PortalApi api) {
        this.api = api;
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
        Map<String, Object> change = new HashMap<>();
        // As typed: spaces may be part of a password.
        change.put("currentPassword", form.values().getOrDefault("currentPassword", ""));
        change.put("newPassword", form.values().getOrDefault("newPassword", ""));
        PortalApi.Answer answer = api.send(request, "POST", "/api/auth/password", change, null);
        if (answer.ok()) {
            return Page.seeOther("/account?changed=1");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("changed", false);
        model.put("errors", form.withErrors(answer.fieldErrors()).errors()); // passwords are never sent back
        model.put("problem", answer.detail());
        return answer.status() == 429 ? HttpResponse.status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS)
                .body(Page.view(auth, request, "account", model)) : Page.unprocessable(auth, request, "account", model);
    }
}
