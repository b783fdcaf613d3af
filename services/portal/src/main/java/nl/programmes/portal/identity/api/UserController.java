package nl.programmes.portal.identity.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.domain.UserAccount;

import java.net.URI;
import java.time.Instant;
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

    /** Body of {@code PATCH /api/users/{id}}: only the parts given change; {@code password} is a new first password. */
    @Serdeable
    @Introspected
    public record UserChange(
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Size(min = 1, message = "must name at least one role") List<@Pattern(regexp = "INSTITUTION_STAFF|CONSULTEE|STEERING_MEMBER|ADMIN",
                    message = "must be INSTITUTION_STAFF, CONSULTEE, STEERING_MEMBER or ADMIN") String> roles,
            @Nullable Boolean enabled,
            @Nullable @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
    }

    /**
     * A user as an administrator sees one; {@code firstPassword}: still the one an administrator gave, not replaced;
     * {@code lastSignedIn}: when the user last signed in with a password here (absent: never).
     */
    @Serdeable
    public record UserView(String id, String name, String organisation, List<String> roles, boolean enabled,
                           boolean firstPassword, @Nullable Instant lastSignedIn) {
        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.displayName(), user.organisationId(), List.copyOf(user.roles()), user.enabled(),
                    user.firstPassword(), user.lastSignedIn());
        }
    }

    /** An organisation's users, by name. */
    @Get
    public List<UserView> list(@QueryValue String organisation) {
        return accounts.users(organisation).stream().map(UserView::of).toList();
    }

    @Get("/{id}")
    public UserView get(String id) {
        return accounts.find(id).map(UserView::of).orElseThrow(() -> new NotFoundException("User", id));
    }

    /** Renames, gives other roles, disables or enables a user, or sets a new first password for a forgotten one. */
    @Patch("/{id}")
    public UserView change(String id, @Body @Valid UserChange change, Authentication caller) {
        return UserView.of(accounts.change(id, change.name(), change.roles() == null ? null : Set.copyOf(change.roles()),
                change.enabled(), change.password(), Actors.caller(caller).actor().userId()));
    }

    @Post
    public HttpResponse<UserView> create(@Body @Valid UserRequest request) {
        UserAccount user = accounts.create(request.id(), request.name(), request.organisation(), Set.copyOf(request.roles()),
                request.password(), true);
        return HttpResponse.created(UserView.of(user), URI.create("/api/users/" + user.id()));
    }
}
