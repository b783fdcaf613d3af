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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.portal.identity.application.DirectoryService;

import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An existing offering taken out of the register by its institution's staff (or an administrator): ended, with the last
 * study year that takes first-year students (the regional pages keep it, marked, with its figures), or registered in
 * error (a misspelt place, a wrong form: the regional pages stop showing it). Reached from the regional page, or from the
 * institution's register ({@code /offerings}), which also leads to an ended offering's page to correct its ending.
 */
@Controller("/offerings")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OfferingPages {

    private final PortalApi api;
    private final KnownPlaces places;
    private final Clock clock;
    private final DirectoryService directory;

    public OfferingPages(PortalApi api, KnownPlaces places, Clock clock, DirectoryService directory) {
        this.api = api;
        this.directory = directory;
        this.places = places;
        this.clock = clock;
    }

    /**
     * An institution's register of existing offerings, in every province (the signed-in person's own institution unless
     * another is chosen): where to find an offering to end without knowing which regional page holds it.
     */
    @Get
    public HttpResponse<?> register(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String institution) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Page.Me me = Page.me(auth);
        String of = institution == null || institution.isBlank() ? me.organisation() : institution.strip();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> offerings = (List<Map<String, Object>>) api.read(request, "/api/overview/offerings",
                Map.of("institution", of)).getOrDefault("offerings", List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("offerings", offerings);
        model.put("filter", Map.of("institution", of));
        model.put("institutions", Choices.organisations(directory, false));
        model.put("mayEnd", me.staffOf(of));
        model.put("mayImport", me.admin() || me.staff());
        model.put("spark", new OverviewPages.SparkView());
        return Page.render(auth, request, "offerings", model);
    }

    @Get("/{id}/discontinue")
    public HttpResponse<?> discontinueForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> offering = api.read(request, "/api/offerings/" + id, Map.of());
        return Page.render(auth, request, "offering-discontinue", model(auth, request, offering, prefilled(offering)));
    }

    /**
     * For an ended offering, what is recorded, to correct; for a running one, the last year with figures, the likeliest
     * last intake (this year when none are recorded).
     */
    @SuppressWarnings("unchecked")
    private Form prefilled(Map<String, Object> offering) {
        Map<String, Object> ended = (Map<String, Object>) offering.get("discontinued");
        if (ended != null) {
            return Form.empty().put("reason", (String) ended.get("reason")).put("lastIntakeYear", java.util.Objects.toString(ended.get("lastIntakeYear"), null));
        }
        String latest = ((Map<String, Object>) offering.getOrDefault("intake", Map.of())).keySet().stream().max(String::compareTo)
                .orElse(String.valueOf(Year.now(clock).getValue()));
        return Form.empty().put("lastIntakeYear", latest);
    }

    @Post("/{id}/discontinue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> discontinue(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        if (form.text("reason") != null) {
            command.put("reason", form.text("reason")); // none chosen: left out, so the service says it is required
        }
        // The year belongs to an ended offering only; for one registered in error the field is left out, whatever it holds.
        if (!"REGISTERED_IN_ERROR".equals(form.text("reason"))) {
            command.put("lastIntakeYear", form.whole("lastIntakeYear"));
        }
        PortalApi.Answer answer = api.send(request, "POST", "/api/offerings/" + id + "/discontinue", command, null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/offerings/" + id + "/discontinue");
        }
        return refused(auth, request, id, form, answer);
    }

    /** An ended offering runs on after all: its ending withdrawn at the service, back to the offering's page, which says so. */
    @Post("/{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resume(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        PortalApi.Answer answer = api.send(request, "DELETE", "/api/offerings/" + id + "/discontinuation", null, null);
        if (answer.ok()) {
            return Page.seeOther("/offerings/" + id + "/discontinue?resumed=1");
        }
        return refused(auth, request, id, Form.empty(), answer);
    }

    /** The offering's page again with the service's reason, beside the fields it names (a 403 stays a 403). */
    private HttpResponse<?> refused(Authentication auth, HttpRequest<?> request, String id, Form form, PortalApi.Answer answer) {
        Map<String, Object> model = model(auth, request, api.read(request, "/api/offerings/" + id, Map.of()), form.withErrors(answer.fieldErrors()));
        model.put("problem", answer.detail());
        return answer.status() == 403 ? Page.render(auth, request, "offering-discontinue", model).status(403)
                : Page.unprocessable(auth, request, "offering-discontinue", model);
    }

    private Map<String, Object> model(Authentication auth, HttpRequest<?> request, Map<String, Object> offering, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("resumed", request.getParameters().contains("resumed"));
        model.put("mayEnd", Page.me(auth).staffOf((String) offering.get("institution")));
        model.put("offering", offering);
        model.put("form", form.values());
        model.put("errors", form.errors());
        String province = places.provinceOf(request, (String) offering.get("location"));
        model.put("province", province);
        model.put("regionPage", province == null ? "/regions" : "/regions/" + province); // back to where it is listed
        model.put("spark", new OverviewPages.SparkView());
        return model;
    }
}
