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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steering committee's pages: the agenda of announcements needing a decision, the decision form
 * (which can rule on specific recorded objections) and meeting minutes.
 */
@Controller("/steering")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@SuppressWarnings("unchecked")
public class SteeringPages {

    private final PortalApi api;
    /** The platform's clock: forms suggest today's date in the Netherlands, the date the services check against. */
    private final Clock clock;

    public SteeringPages(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> agenda(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        String committee = Page.me(auth).organisation();
        Map<String, Object> model = new HashMap<>();
        model.put("agenda", api.list(request, "/api/steering-agenda", Map.of("committee", committee)));
        model.put("decisions", api.list(request, "/api/steering-decisions", Map.of("committee", committee)));
        model.put("meetings", api.list(request, "/api/steering-meetings", Map.of("committee", committee)));
        model.put("recorded", request.getParameters().contains("minutes"));
        return Page.render(auth, request, "agenda", model);
    }

    /**
     * The decision form; with {@code corrects}, the form to correct that decision of this committee, filled in with it.
     * A correction is a decision of its own that replaces the earlier one; both stay in the history.
     */
    @Get("/decide/{announcementId}")
    public HttpResponse<?> decisionForm(@Nullable Authentication auth, HttpRequest<?> request, String announcementId,
                                        @Nullable @QueryValue String corrects) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = Form.empty().put("meetingDate", LocalDate.now(clock).toString());
        if (corrects != null && !corrects.isBlank()) {
            Map<String, Object> earlier = api.list(request, "/api/steering-decisions", Map.of("announcement", announcementId)).stream()
                    .filter(d -> corrects.equals(d.get("id"))).findFirst().orElse(null);
            if (earlier == null) {
                return HttpResponse.notFound(Page.view(auth, request, "not-found", Map.of()));
            }
            form.put("corrects", corrects).put("meetingDate", (String) earlier.get("meetingDate"))
                    .put("decision", (String) earlier.get("decision"))
                    .put("rationale", earlier.get("rationale") == null ? "" : (String) earlier.get("rationale"));
            ((List<String>) earlier.getOrDefault("locations", List.of())).forEach(l -> form.put("locations." + l, "on"));
            ((List<Map<String, Object>>) earlier.getOrDefault("rulesOn", List.of()))
                    .forEach(o -> form.put("rules." + o.get("consultationId") + "|" + o.get("location"), "on"));
        }
        return Page.render(auth, request, "decide", decisionModel(request, announcementId, form));
    }

    @Post("/decide/{announcementId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(@Nullable Authentication auth, HttpRequest<?> request, String announcementId,
                                  @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("committee", Page.me(auth).organisation());
        command.put("announcementId", announcementId);
        command.put("meetingDate", form.text("meetingDate"));
        command.put("decision", form.text("decision"));
        List<String> locations = form.checked("locations");
        command.put("locations", locations.isEmpty() ? null : locations);
        command.put("rationale", form.text("rationale"));
        // Each ticked objection is named "rules.<consultation id>|<location>".
        List<Map<String, Object>> rulesOn = new ArrayList<>();
        for (String ruled : form.checked("rules")) {
            String[] parts = ruled.split("\\|", 2);
            if (parts.length == 2) {
                rulesOn.add(Map.of("consultationId", parts[0], "location", parts[1]));
            }
        }
        command.put("rulesOn", rulesOn.isEmpty() ? null : rulesOn);
        command.put("corrects", form.text("corrects"));
        PortalApi.Answer answer = api.send(request, "POST", "/api/steering-decisions", AnnouncementPages.withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + announcementId + "#decisions");
        }
        Map<String, Object> model = decisionModel(request, announcementId, form.withErrors(answer.fieldErrors()));
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "decide", model);
    }

    @Get("/meetings/new")
    public HttpResponse<?> meetingForm(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return Page.render(auth, request, "meeting", Map.of("form", Form.empty().put("meetingDate", LocalDate.now(clock).toString()).values()));
    }

    @Post("/meetings/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> recordMeeting(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("committee", Page.me(auth).organisation());
        command.put("meetingDate", form.text("meetingDate"));
        command.put("agenda", form.list("agenda"));
        command.put("minutes", form.text("minutes"));
        PortalApi.Answer answer = api.send(request, "POST", "/api/steering-meetings", AnnouncementPages.withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/steering?minutes=1");
        }
        return Page.unprocessable(auth, request, "meeting", Map.of("form", form.values(),
                "errors", form.withErrors(answer.fieldErrors()).errors(), "problem", answer.detail(), "linesOf", List.of("agenda")));
    }

    private Map<String, Object> decisionModel(HttpRequest<?> request, String announcementId, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("announcement", api.read(request, "/api/announcements/" + announcementId, Map.of()));
        List<Map<String, Object>> objections = new ArrayList<>();
        for (Map<String, Object> c : api.list(request, "/api/consultations", Map.of("announcement", announcementId))) {
            for (Map<String, Object> p : (List<Map<String, Object>>) c.getOrDefault("positions", List.of())) {
                if ("OBJECTION".equals(p.get("position")) || "CONDITIONAL_CONSENT".equals(p.get("position"))) {
                    objections.add(Map.of("key", c.get("id") + "|" + p.get("location"), "organisation", c.get("consultedOrganisation"),
                            "location", p.get("location"), "position", p.get("position"),
                            "explanation", String.valueOf(p.getOrDefault("explanation", p.getOrDefault("conditions", "")))));
                }
            }
        }
        model.put("objections", objections);
        model.put("decisions", Choices.DECISIONS);
        model.put("form", form.values());
        model.put("errors", form.errors());
        return model;
    }
}
