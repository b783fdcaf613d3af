package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview's projection status for operators: how far behind it is per topic, what it processed last, the records
 * it parked with their errors, and the rebuild; and whether each service answers ({@link ServiceHealth}). Everyone
 * signed in may look; replaying a parked record and starting a rebuild are for administrators, and the overview
 * itself refuses anyone else.
 */
@Controller("/status")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusPages {

    private final PortalApi api;
    private final ServiceHealth health;

    public StatusPages(PortalApi api, ServiceHealth health) {
        this.api = api;
        this.health = health;
    }

    @Get
    public HttpResponse<?> status(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return Page.render(auth, request, "status", model(auth, request));
    }

    @Post("/parked/{topic}/{partition}/{offset}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> replay(@Nullable Authentication auth, HttpRequest<?> request, String topic, int partition, long offset) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return afterward(auth, request, api.send(request, "POST", "/api/overview/status/parked/" + PortalApi.encode(topic) + "/"
                + partition + "/" + offset + "/replay", null, null), "replayed");
    }

    @Post("/rebuild")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rebuild(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return afterward(auth, request, api.send(request, "POST", "/api/overview/rebuild", null, null), "rebuilding");
    }

    /** Back to the page with what happened, or the page again with the overview's reason for refusing. */
    private HttpResponse<?> afterward(Authentication auth, HttpRequest<?> request, PortalApi.Answer answer, String done) {
        if (answer.ok()) {
            return Page.seeOther("/status?" + done + "=1");
        }
        Map<String, Object> model = model(auth, request);
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "status", model);
    }

    /**
     * The services' health always; the overview's own status when it answers. When it does not, the page says so and
     * shows the services, so an operator sees which one is away rather than an error page.
     */
    private Map<String, Object> model(Authentication auth, HttpRequest<?> request) {
        List<String> outages = new ArrayList<>();
        Map<String, Object> model = new HashMap<>();
        model.put("services", health.check());
        Map<String, Object> overview = api.readPart(request, "/api/overview/status", Map.of(), outages);
        model.put("overviewRead", overview != null);
        model.put("outages", outages);
        boolean admin = Page.me(auth).admin();
        model.put("admin", admin);
        if (overview == null) {
            return model;
        }
        model.putAll(overview);
        model.put("parked", api.list(request, "/api/overview/status/parked", Map.of()));
        model.put("quality", api.read(request, "/api/overview/status/data-quality", Map.of()));
        model.put("rebuild", admin ? api.read(request, "/api/overview/rebuild", Map.of()) : null);
        model.put("replayed", request.getParameters().contains("replayed"));
        model.put("rebuilding", request.getParameters().contains("rebuilding"));
        return model;
    }
}
