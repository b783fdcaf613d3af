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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consulted organisations' pages: the inbox of consultations waiting for their answer (overdue first),
 * the position form per location (and form), and the revisions, each showing what changed.
 */
@Controller("/consultations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@SuppressWarnings("unchecked")
public class ConsultationPages {

    private final PortalApi api;
    /** The platform's clock: forms suggest today's date in the Netherlands, the date the services check against. */
    private final Clock clock;

    public ConsultationPages(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> inbox(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String status) {
        if (auth == null) {
            return Page.signIn(request);
        }
        String organisation = Page.me(auth).organisation();
        List<Map<String, Object>> consultations = new ArrayList<>(api.list(request, "/api/consultations",
                Map.of("consulted", organisation, "status", status == null ? "OPEN" : status)));
        // Overdue first, then what still waits for an answer, then by due date.
        consultations.sort(Comparator.<Map<String, Object>, Boolean>comparing(c -> !Boolean.TRUE.equals(c.get("overdue")))
                .thenComparing(c -> ((List<?>) c.getOrDefault("awaiting", List.of())).isEmpty())
                .thenComparing(c -> String.valueOf(c.getOrDefault("dueDate", "9999"))));
        Map<String, Object> model = new HashMap<>();
        model.put("consultations", consultations);
        model.put("references", references(request, consultations));
        model.put("status", status == null ? "OPEN" : status);
        return Page.render(auth, request, "inbox", model);
    }

    @Get("/{id}")
    public HttpResponse<?> show(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        PortalApi.Answer consultation = api.get(request, "/api/consultations/" + id, Map.of());
        if (consultation.missing()) {
            return HttpResponse.notFound(Page.view(auth, request, "not-found", Map.of()));
        }
        if (!consultation.ok()) {
            throw new PortalApi.ServiceUnavailable("/api/consultations/" + id, consultation);
        }
        return Page.render(auth, request, "consultation", model(request, consultation.body(), prefilled(consultation.body())));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> recordPositions(@Nullable Authentication auth, HttpRequest<?> request, String id,
                                           @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> consultation = api.read(request, "/api/consultations/" + id, Map.of());
        List<Map<String, Object>> positions = new ArrayList<>();
        List<String> locations = (List<String>) consultation.get("locations");
        for (int i = 0; i < locations.size(); i++) {
            String prefix = "p" + i + ".";
            if (form.text(prefix + "position") == null) {
                continue; // no answer for this location yet: it stays awaited
            }
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("location", locations.get(i));
            position.put("form", form.text(prefix + "form"));
            position.put("position", form.text(prefix + "position"));
            position.put("grounds", form.checked(prefix + "grounds"));
            position.put("explanation", form.text(prefix + "explanation"));
            position.put("conditions", form.text(prefix + "conditions"));
            position.put("provisional", form.flag(prefix + "provisional"));
            position.put("preferred", form.flag(prefix + "preferred"));
            positions.add(AnnouncementPages.withoutNulls(position));
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("meetingDate", form.text("meetingDate"));
        command.put("summary", form.text("summary"));
        command.put("agreements", form.text("agreements"));
        command.put("positions", positions);
        PortalApi.Answer answer = api.send(request, "PUT", "/api/consultations/" + id + "/positions",
                AnnouncementPages.withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/consultations/" + id + "?recorded=1");
        }
        // The service names fields as positions[i].explanation; the form names them p<i>.explanation.
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(formField(field, positions, locations), message));
        Map<String, Object> model = model(request, consultation, form.withErrors(errors));
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "consultation", model);
    }

    /** Maps {@code positions[1].grounds} (index among the answered positions) to {@code p<location index>.grounds}. */
    static String formField(String field, List<Map<String, Object>> sent, List<String> locations) {
        if (!field.startsWith("positions[")) {
            return field;
        }
        int close = field.indexOf(']');
        try {
            int index = Integer.parseInt(field.substring("positions[".length(), close));
            String rest = field.substring(close + 1).replaceFirst("^\\.", "");
            int location = index < sent.size() ? locations.indexOf((String) sent.get(index).get("location")) : index;
            return "p" + location + "." + (rest.isEmpty() ? "position" : rest);
        } catch (RuntimeException e) {
            return field;
        }
    }

    private Form prefilled(Map<String, Object> consultation) {
        Form form = Form.empty().put("meetingDate", LocalDate.now(clock).toString())
                .put("summary", (String) consultation.getOrDefault("summary", ""))
                .put("agreements", (String) consultation.getOrDefault("agreements", ""));
        List<String> locations = (List<String>) consultation.get("locations");
        for (Map<String, Object> p : (List<Map<String, Object>>) consultation.getOrDefault("positions", List.of())) {
            int i = locations.indexOf((String) p.get("location"));
            if (i < 0) {
                continue;
            }
            form.put("p" + i + ".position", (String) p.get("position"));
            form.put("p" + i + ".form", p.get("form") == null ? "" : (String) p.get("form"));
            form.put("p" + i + ".explanation", (String) p.getOrDefault("explanation", ""));
            form.put("p" + i + ".conditions", (String) p.getOrDefault("conditions", ""));
            form.put("p" + i + ".provisional", Boolean.TRUE.equals(p.get("provisional")) ? "on" : "");
            form.put("p" + i + ".preferred", Boolean.TRUE.equals(p.get("preferred")) ? "on" : "");
            ((List<String>) p.getOrDefault("grounds", List.of())).forEach(g -> form.put("p" + i + ".grounds." + g, "on"));
        }
        return form;
    }

    private Map<String, Object> model(HttpRequest<?> request, Map<String, Object> consultation, Form form) {
        String id = (String) consultation.get("id");
        Map<String, Object> model = new HashMap<>();
        model.put("consultation", consultation);
        model.put("announcement", api.read(request, "/api/announcements/" + consultation.get("announcementId"), Map.of()));
        model.put("revisions", revisionsWithChanges(api.list(request, "/api/consultations/" + id + "/revisions", Map.of())));
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("positions", Choices.POSITIONS);
        model.put("grounds", Choices.GROUNDS);
        model.put("recorded", request.getParameters().contains("recorded"));
        return model;
    }

    /**
     * Each revision with, per location (and form), the stance before it, so the page can show what changed. A stance is
     * the position with its flags, kept as values for the page to put in words.
     */
    static List<Map<String, Object>> revisionsWithChanges(List<Map<String, Object>> revisions) {
        List<Map<String, Object>> shown = new ArrayList<>();
        Map<String, Map<String, Object>> before = new HashMap<>();
        for (Map<String, Object> revision : revisions) {
            List<Map<String, Object>> changes = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) revision.getOrDefault("positions", List.of())) {
                Map<String, Object> now = stance(p);
                Map<String, Object> was = before.put(p.get("location") + "|" + p.get("form"), now);
                Map<String, Object> change = new HashMap<>(Map.of("location", p.get("location"), "now", now,
                        "changed", !now.equals(was)));
                change.put("form", p.get("form"));
                change.put("was", was);
                changes.add(change);
            }
            Map<String, Object> copy = new HashMap<>(revision);
            copy.put("changes", changes);
            shown.add(copy);
        }
        java.util.Collections.reverse(shown);
        return shown;
    }

    private static Map<String, Object> stance(Map<String, Object> p) {
        return Map.of("position", p.get("position"), "provisional", Boolean.TRUE.equals(p.get("provisional")),
                "preferred", Boolean.TRUE.equals(p.get("preferred")));
    }

    private Map<String, String> references(HttpRequest<?> request, List<Map<String, Object>> consultations) {
        Map<String, String> references = new HashMap<>();
        for (Map<String, Object> c : consultations) {
            String announcement = (String) c.get("announcementId");
            references.computeIfAbsent(announcement, a -> {
                Map<String, Object> found = api.get(request, "/api/announcements/" + a, Map.of()).body();
                Map<String, Object> programme = (Map<String, Object>) found.getOrDefault("programme", Map.of());
                return found.getOrDefault("reference", a) + " " + programme.getOrDefault("name", "");
            });
        }
        return references;
    }
}
