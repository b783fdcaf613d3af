package nl.programmes.portal.identity.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.domain.UserAccount;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Admins create users; each user acts for one organisation. */
@Controller("/api/users")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {

    private final AccountService accounts;

    public UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Serdeable
    @Introspected
    public record UserRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be lower-case letters, digits and . _ -") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String organisation,
            @NotEmpty List<@Pattern(regexp = "INSTITUTION_STAFF|CONSULTEE|STEERING_MEMBER|ADMIN",
                    message = "must be INSTITUTION_STAFF, CONSULTEE, STEERING_MEMBER or ADMIN") String> roles,
            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
    }

    @Serdeable
    public record UserView(String id, String name, String organisation, List<String> roles) {
    }

    @Post
    public HttpResponse<UserView> create(@Body @Valid UserRequest request) {
        UserAccount user = accounts.create(request.id(), request.name(), request.organisation(), Set.copyOf(request.roles()),
                request.password());
        return HttpResponse.created(new UserView(user.id(), user.displayName(), user.organisationId(),
                List.copyOf(user.roles())), URI.create("/api/users/" + user.id()));
    }
}
