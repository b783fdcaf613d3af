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

import java.util.HashMap;
import java.util.Map;

/**
 * The overview's projection status for operators: how far behind it is per topic, what it processed last, the records
 * it parked with their errors, and the rebuild. Everyone signed in may look; replaying a parked record and starting a
 * rebuild are for administrators, and the overview itself refuses anyone else.
 */
@Controller("/status")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusPages {

    private final PortalApi api;

    public StatusPages(PortalApi api) {
        this.api = api;
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

    private Map<String, Object> model(Authentication auth, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>(api.read(request, "/api/overview/status", Map.of()));
        model.put("parked", api.list(request, "/api/overview/status/parked", Map.of()));
        model.put("quality", api.read(request, "/api/overview/status/data-quality", Map.of()));
        boolean admin = Page.me(auth).admin();
        model.put("admin", admin);
        model.put("rebuild", admin ? api.read(request, "/api/overview/rebuild", Map.of()) : null);
        model.put("replayed", request.getParameters().contains("replayed"));
        model.put("rebuilding", request.getParameters().contains("rebuilding"));
        return model;
    }
}
