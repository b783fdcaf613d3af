package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import nl.programmes.portal.identity.application.DirectoryService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pages for everyone signed in: the dashboard, the regional overview (existing and intended programmes
 * side by side, with intake sparklines), and the consolidated timeline, which updates live over
 * server-sent events while it is open.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@SuppressWarnings("unchecked")
public class OverviewPages {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewPages.class);
    static final List<String> TIMELINE_FILTERS = List.of("announcement", "institution", "region", "kind", "from", "to", "order", "cursor");
    static final List<String> REGION_FILTERS = List.of("level", "domain", "code", "institution", "status");

    private final PortalApi api;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final DirectoryService directory;
    private final Duration livePoll;

    public OverviewPages(PortalApi api, ThymeleafViewsRenderer<Map<String, Object>> renderer, DirectoryService directory,
                         @io.micronaut.context.annotation.Value("${platform.portal.timeline-poll:2s}") Duration livePoll) {
        this.api = api;
        this.renderer = renderer;
        this.directory = directory;
        this.livePoll = livePoll;
    }

    @Get
    public HttpResponse<?> home(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Page.Me me = Page.me(auth);
        Map<String, Object> model = new HashMap<>();
        if (me.staff()) {
            model.put("mine", api.read(request, "/api/announcements", Map.of("institution", me.organisation(), "size", 10)).get("items"));
        }
        if (me.consultee() || me.staff() || me.steering()) {
            List<Map<String, Object>> open = api.list(request, "/api/consultations", Map.of("consulted", me.organisation(), "status", "OPEN"));
            model.put("waiting", open.stream().filter(c -> !((List<?>) c.getOrDefault("awaiting", List.of())).isEmpty()).count());
            model.put("overdue", open.stream().filter(c -> Boolean.TRUE.equals(c.get("overdue"))).count());
        }
        if (me.steering()) {
            model.put("agenda", api.list(request, "/api/steering-agenda", Map.of("committee", me.organisation())).size());
        }
        model.put("recent", api.read(request, "/api/timeline", Map.of("size", 8)).get("entries"));
        return Page.render(auth, request, "home", model);
    }

    @Get("/regions")
    public HttpResponse<?> regions(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return Page.render(auth, request, "regions", api.read(request, "/api/overview/regions", Map.of()));
    }

    @Get("/regions/{region}")
    public HttpResponse<?> region(@Nullable Authentication auth, HttpRequest<?> request, String region) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> filter = filters(request, REGION_FILTERS);
        PortalApi.Answer answer = api.get(request, "/api/overview/regions/" + PortalApi.encode(region).replace("+", "%20"), filter);
        if (answer.status() == 404) {
            return HttpResponse.notFound(Page.view(auth, request, "not-found", Map.of()));
        }
        if (!answer.ok()) {
            throw new PortalApi.ServiceUnavailable("/api/overview/regions/" + region, answer); // a filter it does not know, say
        }
        Map<String, Object> model = new HashMap<>(answer.body());
        model.put("filter", filter);
        model.put("levels", Choices.LEVELS);
        model.put("statuses", Choices.STATUSES);
        model.put("institutions", Choices.organisations(directory, false));
        String csv = "/api/overview/regions/" + PortalApi.encode(region).replace("+", "%20") + ".csv" + PortalApi.queryString(filter);
        model.put("csv", csv);
        model.put("excel", forExcel(csv));
        model.put("spark", new SparkView());
        model.put("related", relatedSideBySide(answer.body()));
        return Page.render(auth, request, "region", model);
    }

    /**
     * The page's related groups with their programmes, not their ids: each group's existing offerings beside its
     * intended programmes. Every id the overview lists in a group is on the same page.
     */
    static List<Map<String, Object>> relatedSideBySide(Map<String, Object> page) {
        Map<String, Map<String, Object>> offerings = new HashMap<>();
        Map<String, Map<String, Object>> intended = new HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) page.getOrDefault("municipalities", List.of())) {
            for (Map<String, Object> o : (List<Map<String, Object>>) m.getOrDefault("existing", List.of())) {
                Map<String, Object> placed = new HashMap<>(o);
                placed.put("municipality", m.get("municipality"));
                offerings.put((String) o.get("offeringId"), placed);
            }
            for (Map<String, Object> i : (List<Map<String, Object>>) m.getOrDefault("intended", List.of())) {
                intended.putIfAbsent((String) i.get("announcementId"), i);
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) page.getOrDefault("related", List.of())) {
            Map<String, Object> group = new HashMap<>();
            group.put("code", r.get("code"));
            group.put("domain", r.get("domain"));
            group.put("existing", ((List<String>) r.getOrDefault("existingOfferingIds", List.of())).stream()
                    .map(offerings::get).filter(java.util.Objects::nonNull).toList());
            group.put("intended", ((List<String>) r.getOrDefault("intendedAnnouncementIds", List.of())).stream()
                    .map(intended::get).filter(java.util.Objects::nonNull).toList());
            groups.add(group);
        }
        return groups;
    }

    /** The same export as Excel with Dutch settings opens it: semicolons between cells, a byte order mark first. */
    private static String forExcel(String csv) {
        return csv + (csv.contains("?") ? "&" : "?") + "for=excel";
    }

    @Get("/timeline")
    public HttpResponse<?> timeline(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> filter = filters(request, TIMELINE_FILTERS);
        PortalApi.Answer answer = api.get(request, "/api/timeline", filter);
        Map<String, Object> model = new HashMap<>(answer.ok() ? answer.body() : Map.of("entries", List.of()));
        model.put("problem", answer.ok() ? null : answer.detail());
        model.put("errors", answer.fieldErrors());
        // Filters, not a form to save: the errors say so, and link to the fields by their ids (f-kind).
        model.put("heading", "filter.problem");
        model.put("checkFields", "filter.checkFields");
        model.put("anchorPrefix", "f-");
        model.put("filter", filter);
        boolean oldestFirst = "oldest".equals(filter.get("order"));
        Map<String, Object> fromTheStart = new LinkedHashMap<>(filter);
        fromTheStart.remove("cursor");
        Map<String, Object> live = new LinkedHashMap<>(fromTheStart);
        if (!oldestFirst) {
            // The stream starts a moment after this page was read: it sends every newest line but these, so a line
            // projected in between still arrives. (Oldest first, the page does not hold the newest lines to compare with.)
            // An empty page still says so: a lone comma lists no line, where a blank value would leave the parameter out.
            live.put("shown", String.join(",", ((List<Map<String, Object>>) model.getOrDefault("entries", List.of())).stream()
                    .map(e -> (String) e.get("eventId")).toList()) + ",");
        }
        model.put("stream", "/timeline/stream" + PortalApi.queryString(live));
        model.put("live", filter.get("cursor") == null);
        model.put("oldestFirst", oldestFirst);
        Map<String, Object> next = new LinkedHashMap<>(filter);
        next.put("cursor", answer.body().get("nextCursor"));
        model.put("next", answer.body().get("nextCursor") == null ? null : "/timeline" + PortalApi.queryString(next));
        // The export holds every line the filters match, from the first, so it takes the filters but not the cursor.
        String csv = "/api/timeline.csv" + PortalApi.queryString(fromTheStart);
        model.put("csv", csv);
        model.put("excel", forExcel(csv));
        model.put("kinds", kinds());
        model.put("institutions", Choices.organisations(directory, true));
        model.put("provinces", nl.programmes.portal.web.domain.Provinces.all());
        return Page.render(auth, request, "timeline", model);
    }

    /**
     * New timeline lines as they are projected, rendered as table rows for htmx's SSE extension. Each open
     * page polls the overview with its own user's token, so the stream shows exactly what the page may show.
     */
    @Get(value = "/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Flux.empty();
        }
        Map<String, Object> filter = filters(request, TIMELINE_FILTERS);
        filter.remove("cursor");
        filter.put("order", "newest");
        filter.put("size", 50);
        Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
        Optional<String> shown = request.getParameters().getFirst("shown");
        shown.ifPresent(ids -> Arrays.stream(ids.split(",")).filter(id -> !id.isBlank()).forEach(seen::add));
        return Flux.interval(Duration.ZERO, livePoll)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> fresh(request, filter, seen, tick == 0 && shown.isEmpty()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .takeWhile(rows -> rows != null)
                .flatMapIterable(rows -> rows)
                .map(row -> Event.of(row).name("entry"))
                .onErrorResume(e -> {
                    LOG.info("Timeline stream ended: {}", e.getMessage());
                    return Flux.empty();
                });
    }

    /**
     * Rows not sent before, oldest first. A page that says which lines it shows gets every other one; without that, the
     * first poll only remembers what it finds, as the page is taken to show it.
     */
    private List<String> fresh(HttpRequest<?> request, Map<String, Object> filter, Set<String> seen, boolean first) {
        PortalApi.Answer answer = api.get(request, "/api/timeline", filter);
        if (!answer.ok()) {
            return null; // signed out or token expired: end the stream; the page keeps what it has
        }
        List<Map<String, Object>> entries = new ArrayList<>((List<Map<String, Object>>) answer.body().getOrDefault("entries", List.of()));
        Collections.reverse(entries);
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            if (seen.add((String) entry.get("eventId")) && !first) {
                rows.add(render("timeline-row", Map.of("e", entry, "live", true, "times", LocalTimes.INSTANCE), request));
            }
        }
        return rows;
    }

    private String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        Writable writable = renderer.render(view, model, request);
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // SSE data may not hold bare newlines; collapse the fragment onto one line.
        return out.toString().replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private static Map<String, Object> filters(HttpRequest<?> request, List<String> names) {
        Map<String, Object> filter = new LinkedHashMap<>();
        for (String name : names) {
            request.getParameters().getFirst(name).filter(v -> !v.isBlank()).ifPresent(v -> filter.put(name, v));
        }
        return filter;
    }

    private static List<String> kinds() {
        return nl.programmes.events.EventTypes.ALL.stream().map(t -> t.ceType()).sorted().toList();
    }

    /** Lets templates draw a sparkline: ${spark.segments(o.intake)}. */
    public static final class SparkView {
        public List<String> segments(Map<String, String> intake) {
            return Sparkline.segments(intake);
        }

        public String describe(Map<String, String> intake) {
            return Sparkline.describe(intake);
        }

        public int width() {
            return Sparkline.WIDTH;
        }

        public int height() {
            return Sparkline.HEIGHT;
        }
    }
}
