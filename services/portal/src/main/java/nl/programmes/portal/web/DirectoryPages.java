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
import nl.programmes.portal.web.domain.Provinces;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation directory: who takes part, as what, where. Everyone signed in reads it; an administrator registers
 * an organisation (a new partner school, a steering committee) and gives it its users, which until session 21 took
 * JSON sent to the API by hand. Through the same API as every page, so the directory's rules and its events are the
 * API's.
 */
@Controller("/organisations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectoryPages {

    static final List<String> KINDS = List.of("HBO_INSTITUTION", "WO_INSTITUTION", "MBO_COLLEGE", "PARTNER_SCHOOL",
            "STEERING_COMMITTEE", "OTHER");
    static final List<String> ROLES = List.of("INSTITUTION_STAFF", "CONSULTEE", "STEERING_MEMBER", "ADMIN");
    /** The user form's fields by the API's names: a user's {@code id} and {@code name} are the login and the name shown. */
    private static final Map<String, String> USER_FIELDS = Map.of("id", "username", "name", "displayName");

    private final PortalApi api;

    public DirectoryPages(PortalApi api) {
        this.api = api;
    }

    @Get
    public HttpResponse<?> list(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        List<Map<String, Object>> organisations = api.list(request, "/api/organisations", Map.of()).stream()
                .sorted(Comparator.comparing(o -> String.valueOf(o.get("name")), String.CASE_INSENSITIVE_ORDER)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("organisations", organisations);
        model.put("registered", named(request, "registered", organisations));
        model.put("changed", named(request, "changed", organisations));
        return Page.render(auth, request, "organisations", model);
    }

    /**
     * The organisation a parameter names, by its name in the list just read: the pages' cached names ({@code orgs}) may
     * not yet know what was registered or renamed a moment ago.
     */
    private static String named(HttpRequest<?> request, String parameter, List<Map<String, Object>> organisations) {
        return request.getParameters().getFirst(parameter).map(id -> organisations.stream().filter(o -> id.equals(o.get("id")))
                .map(o -> String.valueOf(o.get("name"))).findFirst().orElse(id)).orElse(null);
    }

    @Get("/new")
    public HttpResponse<?> registerForm(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return onlyAdmins(auth, request).orElseGet(() -> Page.render(auth, request, "organisation-form", organisationModel(Form.empty(), false)));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> register(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        PortalApi.Answer answer = api.send(request, "POST", "/api/organisations", entry(form), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/organisations?registered=" + PortalApi.encode(String.valueOf(answer.body().get("id"))));
        }
        Map<String, Object> model = organisationModel(form.withErrors(answer.fieldErrors()), false);
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "organisation-form", model);
    }

    @Get("/{id}/edit")
    @SuppressWarnings("unchecked")
    public HttpResponse<?> editForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Optional<HttpResponse<?>> refused = onlyAdmins(auth, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        PortalApi.Answer current = api.require(request, "/api/organisations/" + PortalApi.encode(id), Map.of());
        Map<String, Object> o = current.body();
        Form form = Form.empty().put("version", current.etag().orElse(""));
        for (String field : List.of("id", "name", "kind", "brin", "kvk", "region")) {
            form.put(field, o.get(field) == null ? "" : String.valueOf(o.get(field)));
        }
        form.put("locations", String.join(", ", (List<String>) o.getOrDefault("locations", List.of())));
        return Page.render(auth, request, "organisation-form", organisationModel(form, true));
    }

    @Post("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> edit(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body).put("id", id);
        String path = "/api/organisations/" + PortalApi.encode(id);
        PortalApi.Answer answer = api.send(request, "PUT", path, entry(form), form.text("version"));
        if (answer.ok()) {
            return Page.seeOther("/organisations?changed=" + PortalApi.encode(id));
        }
        Map<String, Object> model = organisationModel(form.withErrors(answer.fieldErrors()), true);
        model.put("problem", answer.detail());
        // Someone else changed it first: the form keeps this change, now against the version there is.
        model.put("conflict", answer.status() == 412);
        if (answer.status() == 412) {
            form.put("version", api.get(request, path, Map.of()).etag().orElse(""));
        }
        return Page.unprocessable(auth, request, "organisation-form", model);
    }

    /** The directory entry as the form gives it; the API checks it. */
    private static Map<String, Object> entry(Form form) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", form.text("id"));
        entry.put("name", form.text("name"));
        entry.put("kind", form.text("kind"));
        entry.put("brin", form.text("brin"));
        entry.put("kvk", form.text("kvk"));
        List<String> locations = form.list("locations");
        entry.put("locations", locations == null ? List.of() : locations);
        entry.put("region", form.text("region"));
        return AnnouncementPages.withoutNulls(entry);
    }

    /** An organisation's users, with what an administrator does to one: disable or enable it, give a new first password. */
    @Get("/{id}/users")
    public HttpResponse<?> users(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return onlyAdmins(auth, request).orElseGet(() -> usersPage(auth, request, id, null, Map.of(), null));
    }

    @Post("/{id}/users/{user}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> enable(@Nullable Authentication auth, HttpRequest<?> request, String id, String user,
                                  @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        boolean enabled = new Form(body).flag("enabled");
        return afterUserChange(auth, request, id, user, Map.of("enabled", enabled), enabled ? "enabled" : "disabled");
    }

    @Post("/{id}/users/{user}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> newFirstPassword(@Nullable Authentication auth, HttpRequest<?> request, String id, String user,
                                            @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return afterUserChange(auth, request, id, user, Map.of("password", new Form(body).values().getOrDefault("password", "")),
                "password");
    }

    /** Back to the users with what happened, or the users again with the refusal beside that user's form. */
    private HttpResponse<?> afterUserChange(Authentication auth, HttpRequest<?> request, String id, String user,
                                            Map<String, Object> change, String done) {
        PortalApi.Answer answer = api.send(request, "PATCH", "/api/users/" + PortalApi.encode(user), change, null);
        if (answer.ok()) {
            return Page.seeOther("/organisations/" + PortalApi.encode(id) + "/users?" + done + "=" + PortalApi.encode(user));
        }
        return usersPage(auth, request, id, answer.detail(), answer.fieldErrors(), user);
    }

    /** {@code forUser}: whose row shows the errors (each row has the same fields). */
    private HttpResponse<?> usersPage(Authentication auth, HttpRequest<?> request, String id, String problem,
                                      Map<String, String> errors, String forUser) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", api.read(request, "/api/organisations/" + PortalApi.encode(id), Map.of()));
        model.put("users", api.list(request, "/api/users", Map.of("organisation", id)));
        model.put("errors", errors);
        model.put("forUser", forUser);
        model.put("problem", problem);
        for (String done : List.of("added", "changed", "enabled", "disabled", "password")) {
            model.put(done, request.getParameters().getFirst(done).orElse(null));
        }
        return errors.isEmpty() && problem == null ? Page.render(auth, request, "users", model)
                : Page.unprocessable(auth, request, "users", model);
    }

    @Get("/{id}/users/new")
    public HttpResponse<?> userForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return onlyAdmins(auth, request).orElseGet(() -> userPage(auth, request, id, Form.empty(), null, false, false));
    }

    @Post("/{id}/users/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> addUser(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", form.text("username"));
        user.put("name", form.text("displayName"));
        user.put("organisation", id);
        user.put("roles", form.checked("roles"));
        user.put("password", form.values().get("password")); // as typed: spaces may be part of it
        PortalApi.Answer answer = api.send(request, "POST", "/api/users", AnnouncementPages.withoutNulls(user), null);
        if (answer.ok()) {
            return Page.seeOther("/organisations/" + PortalApi.encode(id) + "/users?added="
                    + PortalApi.encode(String.valueOf(answer.body().get("id"))));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(USER_FIELDS.getOrDefault(field, field), message));
        form.put("password", ""); // never sent back to the browser
        return userPage(auth, request, id, form.withErrors(errors), answer.detail(), true, false);
    }

    @Get("/{id}/users/{user}/edit")
    @SuppressWarnings("unchecked")
    public HttpResponse<?> userEditForm(@Nullable Authentication auth, HttpRequest<?> request, String id, String user) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Optional<HttpResponse<?>> refused = onlyAdmins(auth, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> current = api.read(request, "/api/users/" + PortalApi.encode(user), Map.of());
        Form form = Form.empty().put("username", user).put("displayName", String.valueOf(current.get("name")));
        ((List<String>) current.get("roles")).forEach(role -> form.put("roles." + role, "on"));
        // The user's own organisation, whichever organisation's address led here.
        return userPage(auth, request, String.valueOf(current.get("organisation")), form, null, false, true);
    }

    /** A user's name and roles; the username stays, and the password is the user's own (or a new first one, on the list). */
    @Post("/{id}/users/{user}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> editUser(@Nullable Authentication auth, HttpRequest<?> request, String id, String user,
                                    @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body).put("username", user);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", form.text("displayName") == null ? "" : form.text("displayName"));
        change.put("roles", form.checked("roles"));
        PortalApi.Answer answer = api.send(request, "PATCH", "/api/users/" + PortalApi.encode(user), change, null);
        if (answer.ok()) {
            return Page.seeOther("/organisations/" + PortalApi.encode(id) + "/users?changed=" + PortalApi.encode(user));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(USER_FIELDS.getOrDefault(field, field), message));
        return userPage(auth, request, id, form.withErrors(errors), answer.detail(), true, true);
    }

    private HttpResponse<?> userPage(Authentication auth, HttpRequest<?> request, String id, Form form, String problem, boolean refused,
                                     boolean editing) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", api.read(request, "/api/organisations/" + PortalApi.encode(id), Map.of()));
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("roles", ROLES);
        model.put("problem", problem);
        model.put("editing", editing);
        return refused ? Page.unprocessable(auth, request, "user-form", model) : Page.render(auth, request, "user-form", model);
    }

    private static Map<String, Object> organisationModel(Form form, boolean editing) {
        Map<String, Object> model = new HashMap<>();
        model.put("editing", editing);
        model.put("conflict", false);
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("kinds", KINDS);
        model.put("provinces", Provinces.all());
        return model;
    }

    /** The forms are an administrator's: anyone else is told so at once, not after filling one in. */
    private static Optional<HttpResponse<?>> onlyAdmins(Authentication auth, HttpRequest<?> request) {
        if (Page.me(auth).admin()) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.FORBIDDEN).body(Page.view(auth, request,
                "problem", Map.of("heading", "organisations.adminOnly", "back", "/organisations"))));
    }
}
