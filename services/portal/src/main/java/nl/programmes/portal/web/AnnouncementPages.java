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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Institution staff's pages: their announcements, announce, amend (with a conflict message when someone
 * changed it first), withdraw, submit the application, and request consultations with suggestions of whom
 * to consult. The announcement page with its objection matrix is for everyone signed in.
 */
@Controller("/announcements")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@SuppressWarnings("unchecked")
public class AnnouncementPages {

    private final PortalApi api;
    /** The platform's clock: forms suggest today's date in the Netherlands, the date the services check against. */
    private final Clock clock;
    private final ConsultSuggestions suggestions;
    private final DirectoryService directory;

    private final KnownPlaces places;

    public AnnouncementPages(PortalApi api, ConsultSuggestions suggestions, DirectoryService directory, KnownPlaces places, Clock clock) {
        this.api = api;
        this.places = places;
        this.clock = clock;
        this.suggestions = suggestions;
        this.directory = directory;
    }

    @Get
    public HttpResponse<?> list(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @QueryValue String q,
                                @Nullable @QueryValue String institution, @Nullable @QueryValue String status,
                                @Nullable @QueryValue Integer page) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> query = new HashMap<>();
        query.put("q", q == null || q.isBlank() ? null : q);
        query.put("institution", institution);
        query.put("status", status);
        query.put("page", page == null ? 0 : page);
        query.put("size", 25);
        Map<String, Object> found = api.read(request, "/api/announcements", query);
        Map<String, Object> model = new HashMap<>(found);
        model.put("filter", Map.of("q", q == null ? "" : q, "institution", institution == null ? "" : institution,
                "status", status == null ? "" : status));
        model.put("statuses", Choices.ANNOUNCEMENT_STATUSES);
        model.put("institutions", Choices.institutions(directory));
        model.put("page", page == null ? 0 : page);
        return Page.render(auth, request, "announcements", model);
    }

    @Get("/new")
    public HttpResponse<?> announceForm(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = Form.empty().put("programme.language", "nl").put("programme.orientation", "HBO");
        return Page.render(auth, request, "announce", announceModel(form));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> announce(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("name", form.text("programme.name"));
        programme.put("level", form.text("programme.level"));
        programme.put("orientation", form.text("programme.orientation"));
        programme.put("isatCode", form.text("programme.isatCode"));
        programme.put("crebo", form.text("programme.crebo"));
        programme.put("forms", form.checked("programme.forms"));
        programme.put("language", form.text("programme.language"));
        programme.put("studyLoadEc", form.whole("programme.studyLoadEc"));
        programme.put("durationYears", form.decimal("programme.durationYears"));
        programme.put("domain", form.text("programme.domain"));
        programme.put("rioSector", form.text("programme.rioSector"));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("reference", form.text("reference"));
        command.put("institution", Page.me(auth).organisation());
        command.put("programme", programme);
        command.put("candidateLocations", form.list("candidateLocations"));
        command.put("intendedStart", form.text("intendedStart"));
        command.put("capacityLimit", form.whole("capacityLimit"));
        command.put("summary", form.text("summary"));
        if (form.text("labourMarketEvidence.text") != null) {
            command.put("labourMarketEvidence", Map.of("text", form.text("labourMarketEvidence.text")));
        }
        PortalApi.Answer answer = api.send(request, "POST", "/api/announcements", withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + answer.body().get("id") + "?announced=1");
        }
        form.withErrors(answer.fieldErrors());
        Map<String, Object> model = announceModel(form);
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "announce", model);
    }

    @Get("/{id}")
    public HttpResponse<?> show(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        PortalApi.Answer announcement = api.get(request, "/api/announcements/" + id, Map.of());
        if (announcement.missing()) {
            return HttpResponse.notFound(Page.view(auth, request, "not-found", Map.of()));
        }
        if (!announcement.ok()) {
            throw new PortalApi.ServiceUnavailable("/api/announcements/" + id, announcement);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("announcement", announcement.body());
        // The announcement is this page; its matrix, consultations and decisions come from other services, and one that
        // does not answer leaves its part out and says so at the top rather than failing the page.
        // Read at once: the consultations and decisions on threads of their own while this one reads the matrix.
        PortalApi.Part consultationsPart = api.readPartSoon(request, "/api/consultations", Map.of("announcement", id));
        PortalApi.Part decisionsPart = api.readPartSoon(request, "/api/steering-decisions", Map.of("announcement", id));
        List<String> outages = new ArrayList<>();
        PortalApi.Answer matrix = api.get(request, "/api/overview/announcements/" + id, Map.of());
        if (matrix.status() >= 500) {
            outages.add(matrix.detail());
        }
        model.put("matrix", matrix.ok() ? matrix.body() : null);
        model.put("matrixAway", matrix.status() >= 500); // not yet projected (404) is said otherwise, and waited for
        List<Map<String, Object>> consultations = items(consultationsPart.take(outages));
        model.put("consultations", consultations);
        model.put("shownStatus", Choices.shownStatus((String) announcement.body().get("status"), consultations != null && !consultations.isEmpty()));
        model.put("decisions", items(decisionsPart.take(outages)));
        model.put("outages", outages);
        model.put("history", api.read(request, "/api/announcements/" + id + "/history", Map.of()).get("items"));
        model.put("today", LocalDate.now(clock).toString());
        model.put("fresh", request.getParameters().contains("announced"));
        // The announcing institution is told of a candidate location the overview does not know (shown under "region
        // unknown"): it may be a typo, which it can still amend.
        Page.Me me = Page.me(auth);
        if (me.organisation().equals(announcement.body().get("institution")) && (me.staff() || me.admin())) {
            @SuppressWarnings("unchecked")
            List<String> candidates = (List<String>) announcement.body().getOrDefault("candidateLocations", List.of());
            model.put("unknownPlaces", places.unknownAmong(request, candidates));
        }
        return Page.render(auth, request, "announcement", model);
    }

    /** A list's items from a part read ({@link PortalApi#readPart}); null when the part could not be read. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> part) {
        return part == null ? null : (List<Map<String, Object>>) part.getOrDefault("items", List.of());
    }

    @Get("/{id}/amend")
    public HttpResponse<?> amendForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        PortalApi.Answer current = api.require(request, "/api/announcements/" + id, Map.of());
        Map<String, Object> a = current.body();
        Map<String, Object> programme = (Map<String, Object>) a.get("programme");
        Form form = Form.empty().put("version", current.etag().orElse(""))
                .put("programmeName", (String) programme.get("name"))
                .put("candidateLocations", String.join(", ", (List<String>) a.get("candidateLocations")))
                .put("intendedStart", (String) a.get("intendedStart"))
                .put("summary", (String) a.getOrDefault("summary", ""));
        ((List<String>) programme.get("forms")).forEach(f -> form.put("forms." + f, "on"));
        return Page.render(auth, request, "amend", Map.of("announcement", a, "form", form.values(), "forms", Choices.FORMS));
    }

    @Post("/{id}/amend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> amend(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("programmeName", form.text("programmeName"));
        command.put("forms", form.checked("forms"));
        command.put("candidateLocations", form.list("candidateLocations"));
        command.put("intendedStart", form.text("intendedStart"));
        command.put("summary", form.text("summary"));
        PortalApi.Answer answer = api.send(request, "PATCH", "/api/announcements/" + id, withoutNulls(command), form.text("version"), form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + id);
        }
        Map<String, Object> a = api.read(request, "/api/announcements/" + id, Map.of());
        Map<String, Object> model = new HashMap<>(Map.of("announcement", a, "form", form.withErrors(answer.fieldErrors()).values(),
                "errors", form.errors(), "forms", Choices.FORMS, "problem", answer.detail()));
        // Someone else changed it first: say so, and show what it is now (with the new version) beside the attempt.
        model.put("conflict", answer.status() == 412);
        if (answer.status() == 412) {
            form.put("version", api.get(request, "/api/announcements/" + id, Map.of()).etag().orElse(""));
        }
        return Page.unprocessable(auth, request, "amend", model);
    }

    @Post("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        PortalApi.Answer answer = api.send(request, "POST", "/api/announcements/" + id + "/withdrawal",
                withoutNulls(new HashMap<>(Map.of("reason", form.values().getOrDefault("reason", "")))), null, form.text("commandKey"));
        return answer.ok() ? Page.seeOther("/announcements/" + id) : problemPage(auth, request, id, answer);
    }

    @Get("/{id}/application")
    public HttpResponse<?> applicationForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> a = api.read(request, "/api/announcements/" + id, Map.of());
        Form form = Form.empty().put("submittedOn", LocalDate.now(clock).toString());
        ((List<String>) a.get("candidateLocations")).forEach(l -> form.put("locations." + l, "on"));
        ((List<String>) ((Map<String, Object>) a.get("programme")).get("forms")).forEach(f -> form.put("forms." + f, "on"));
        return Page.render(auth, request, "application", Map.of("announcement", a, "form", form.values()));
    }

    @Post("/{id}/application")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submitApplication(@Nullable Authentication auth, HttpRequest<?> request, String id,
                                             @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("submittedOn", form.text("submittedOn"));
        command.put("locations", form.checked("locations"));
        command.put("forms", form.checked("forms"));
        PortalApi.Answer answer = api.send(request, "POST", "/api/announcements/" + id + "/application", withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + id);
        }
        Map<String, Object> a = api.read(request, "/api/announcements/" + id, Map.of());
        return Page.unprocessable(auth, request, "application", Map.of("announcement", a,
                "form", form.values(), "errors", form.withErrors(answer.fieldErrors()).errors(), "problem", answer.detail()));
    }

    /** The review's outcome, once the application is in: the advice (CDHO or NVAO) and the minister's decision. */
    @Get("/{id}/review-outcome")
    public HttpResponse<?> reviewForm(@Nullable Authentication auth, HttpRequest<?> request, String id) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = Form.empty().put("decisionDate", LocalDate.now(clock).toString());
        return Page.render(auth, request, "review", reviewModel(request, id, form));
    }

    @Post("/{id}/review-outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> recordReviewOutcome(@Nullable Authentication auth, HttpRequest<?> request, String id,
                                               @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("advice", form.text("advice"));
        command.put("adviceDate", form.text("adviceDate"));
        command.put("decision", form.text("decision"));
        command.put("decisionDate", form.text("decisionDate"));
        PortalApi.Answer answer = api.send(request, "POST", "/api/announcements/" + id + "/review-outcome", withoutNulls(command), null,
                form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + id);
        }
        Map<String, Object> model = reviewModel(request, id, form.withErrors(answer.fieldErrors()));
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "review", model);
    }

    private Map<String, Object> reviewModel(HttpRequest<?> request, String id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("announcement", api.read(request, "/api/announcements/" + id, Map.of()));
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("advices", Choices.REVIEW_ADVICES);
        model.put("outcomes", Choices.REVIEW_DECISIONS);
        return model;
    }

    @Get("/{id}/consult")
    public HttpResponse<?> consultForm(@Nullable Authentication auth, HttpRequest<?> request, String id,
                                       @Nullable @QueryValue String organisation) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = Form.empty().put("kind", "BILATERAL").put("consultedOrganisation", organisation == null ? "" : organisation)
                .put("dueDate", LocalDate.now(clock).plusWeeks(6).toString());
        return Page.render(auth, request, "consult", consultModel(request, id, form));
    }

    @Post("/{id}/consult")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> consult(@Nullable Authentication auth, HttpRequest<?> request, String id, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("announcementId", id);
        command.put("consultedOrganisation", form.text("consultedOrganisation"));
        List<String> locations = form.checked("locations");
        command.put("locations", locations.isEmpty() ? null : locations);
        command.put("kind", form.text("kind"));
        command.put("dueDate", form.text("dueDate"));
        command.put("note", form.text("note"));
        PortalApi.Answer answer = api.send(request, "POST", "/api/consultations", withoutNulls(command), null, form.text("commandKey"));
        if (answer.ok()) {
            return Page.seeOther("/announcements/" + id + "#consultations");
        }
        Map<String, Object> model = consultModel(request, id, form.withErrors(answer.fieldErrors()));
        model.put("problem", answer.detail());
        return Page.unprocessable(auth, request, "consult", model);
    }

    private Map<String, Object> consultModel(HttpRequest<?> request, String id, Form form) {
        Map<String, Object> a = api.read(request, "/api/announcements/" + id, Map.of());
        Set<String> consulted = api.list(request, "/api/consultations", Map.of("announcement", id)).stream()
                .map(c -> (String) c.get("consultedOrganisation")).collect(Collectors.toSet());
        Map<String, Object> model = new HashMap<>();
        model.put("announcement", a);
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("kinds", Choices.CONSULTATION_KINDS);
        model.put("organisations", directory.all());
        model.put("suggestions", suggestions.forAnnouncement(request, a, consulted));
        model.put("consulted", consulted);
        return model;
    }

    private Map<String, Object> announceModel(Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form.values());
        model.put("errors", form.errors());
        model.put("levels", Choices.LEVELS);
        model.put("orientations", Choices.ORIENTATIONS);
        model.put("forms", Choices.FORMS);
        return model;
    }

    private HttpResponse<?> problemPage(Authentication auth, HttpRequest<?> request, String id, PortalApi.Answer answer) {
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(answer.status())).body(Page.view(auth, request, "problem",
                Map.of("problem", answer.detail(), "errors", answer.fieldErrors(), "back", "/announcements/" + id)));
    }

    /** Leaves out what the user did not fill in, so the service sees "not given" rather than an empty value. */
    static Map<String, Object> withoutNulls(Map<String, Object> command) {
        command.values().removeIf(v -> v == null);
        return command;
    }
}
