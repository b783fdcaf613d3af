package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.UserAccount;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
    /** The filters that choose which new lines a page open on the timeline is sent (no order or cursor: each is new). */
    static final List<String> NEW_LINE_FILTERS = List.of("announcement", "institution", "region", "kind", "from", "to");
    static final List<String> REGION_FILTERS = List.of("level", "domain", "code", "institution", "status");

    private final PortalApi api;
    private final AccountService accounts;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final DirectoryService directory;
    private final Duration livePoll;

    private final KnownPlaces places;

    public OverviewPages(PortalApi api, AccountService accounts, ThymeleafViewsRenderer<Map<String, Object>> renderer, DirectoryService directory,
                         KnownPlaces places, @io.micronaut.context.annotation.Value("${platform.portal.timeline-poll:2s}") Duration livePoll) {
        this.api = api;
        this.places = places;
        this.accounts = accounts;
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
        // Each part comes from its own service; one that does not answer leaves its part out and says so at the top, and
        // the rest of the page is shown (the start page is where everyone lands, so it must not fail as a whole).
        // The parts are read at once and taken in the page's order, so the notice lists what is missing in that order.
        boolean ownStory = me.staff() || me.consultee();
        Map<String, Object> filter = ownStory ? Map.of("institution", me.organisation()) : Map.of();
        Map<String, Object> latest = new HashMap<>(filter);
        latest.put("size", RECENT_LINES);
        // What was recorded since the user's sign-in before this one is marked new (an account of another provider has
        // none), and comes first whatever its date: a decision recorded today for a meeting weeks ago is news, though the
        // lines dated today come before it on the timeline.
        String newSince = accounts.find(me.user()).map(UserAccount::previousSignedIn).map(Instant::toString).orElse(null);
        PortalApi.Part mine = me.staff()
                ? api.readPartSoon(request, "/api/announcements", Map.of("institution", me.organisation(), "size", 10)) : null;
        PortalApi.Part consultations = me.consultee() || me.staff() || me.steering()
                ? api.readPartSoon(request, "/api/consultations", Map.of("consulted", me.organisation(), "status", "OPEN")) : null;
        PortalApi.Part agenda = me.steering() ? api.readPartSoon(request, "/api/steering-agenda", Map.of("committee", me.organisation())) : null;
        // What waits for an operator: the places the overview could not put in a province. (Parked records stay on their
        // dead-letter topic after a replay, so their count says what was ever parked: the status page lists them.)
        PortalApi.Part quality = me.admin() ? api.readPartSoon(request, "/api/overview/status/data-quality", Map.of()) : null;
        // Staff and schools see their organisation's story first (a new objection to one of its announcements, a request
        // to consult on a neighbour's), not only the region's latest events, which soon push it out of sight. A committee
        // oversees the region, and sees the region's.
        PortalApi.Part timeline = api.readPartSoon(request, "/api/timeline", latest);
        PortalApi.Part recent = null;
        if (newSince != null) {
            Map<String, Object> since = new HashMap<>(filter);
            since.put("since", newSince);
            recent = api.readPartSoon(request, "/api/timeline/recent", since);
        }

        List<String> outages = new ArrayList<>();
        if (mine != null) {
            Map<String, Object> read = mine.take(outages);
            model.put("mine", read == null ? null : read.get("items"));
        }
        if (consultations != null) {
            Map<String, Object> answer = consultations.take(outages);
            if (answer != null) {
                List<Map<String, Object>> open = (List<Map<String, Object>>) answer.getOrDefault("items", List.of());
                model.put("waiting", open.stream().filter(c -> !((List<?>) c.getOrDefault("awaiting", List.of())).isEmpty()).count());
                model.put("overdue", open.stream().filter(c -> Boolean.TRUE.equals(c.get("overdue"))).count());
            }
        }
        if (agenda != null) {
            Map<String, Object> read = agenda.take(outages);
            model.put("agenda", read == null ? null : ((List<?>) read.getOrDefault("items", List.of())).size());
        }
        if (quality != null) {
            Map<String, Object> read = quality.take(outages);
            model.put("unknownPlaces", read == null ? null : ((List<?>) read.getOrDefault("unknownMunicipalities", List.of())).size());
        }
        Map<String, Object> latestLines = timeline.take(outages);
        // The timeline's two reads go to one service: when it is away, it is said once.
        List<String> recentAway = new ArrayList<>();
        Map<String, Object> freshLines = recent == null ? null : recent.take(recentAway);
        if (latestLines != null) {
            outages.addAll(recentAway);
            model.put("recent", newestFirst(freshLines == null ? List.of() : entries(freshLines), entries(latestLines), RECENT_LINES));
        }
        model.put("outages", outages);
        model.put("recentInstitution", ownStory ? me.organisation() : null);
        model.put("newSince", newSince);
        return Page.render(auth, request, "home", model);
    }

    private static final int RECENT_LINES = 8;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.getOrDefault("entries", List.of());
    }

    /**
     * The start page's lines: those recorded since the previous sign-in, newest recorded first ({@code fresh} comes in
     * the order projected), then the timeline's latest by date, each line once, up to {@code size}.
     */
    static List<Map<String, Object>> newestFirst(List<Map<String, Object>> fresh, List<Map<String, Object>> latest, int size) {
        List<Map<String, Object>> lines = new ArrayList<>(fresh);
        Collections.reverse(lines);
        List<Map<String, Object>> shown = new ArrayList<>(lines.subList(0, Math.min(size, lines.size())));
        java.util.Set<Object> ids = new java.util.HashSet<>();
        shown.forEach(line -> ids.add(line.get("eventId")));
        for (Map<String, Object> line : latest) {
            if (shown.size() < size && ids.add(line.get("eventId"))) {
                shown.add(line);
            }
        }
        return shown;
    }

    @Get("/regions")
    public HttpResponse<?> regions(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Page.signIn(request);
        }
        return Page.render(auth, request, "regions", regionsModel(auth, request));
    }

    private Map<String, Object> regionsModel(Authentication auth, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>(api.read(request, "/api/overview/regions", Map.of()));
        model.put("placed", request.getParameters().get("placed"));
        if (Page.me(auth).admin()) {
            // An administrator places an unknown municipality in one of the table's provinces, from here.
            model.put("provinces", places.provinces(request));
        }
        return model;
    }

    /** An unknown municipality placed in a province by an administrator: the overview moves its programmes there at once. */
    @Post("/regions/municipalities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> placeMunicipality(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        String municipality = form.text("municipality");
        Map<String, Object> place = new java.util.LinkedHashMap<>();
        place.put("province", form.text("province"));
        place.put("labourMarketRegion", form.text("labourMarketRegion"));
        PortalApi.Answer answer = api.send(request, "PUT", "/api/overview/municipalities/"
                + PortalApi.encode(municipality == null ? "" : municipality).replace("+", "%20"), place, null);
        if (answer.ok()) {
            places.changed();
            return Page.seeOther("/regions?placed=" + PortalApi.encode(municipality));
        }
        Map<String, Object> model = regionsModel(auth, request);
        model.put("errors", answer.fieldErrors());
        model.put("problem", answer.detail());
        return answer.status() == 403 ? Page.render(auth, request, "regions", model).status(403)
                : Page.unprocessable(auth, request, "regions", model);
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
        model.put("institutions", Choices.institutions(directory));
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
        boolean oldestFirst = "oldest".equals(filter.get("order"));
        // New lines go above the first page newest first, below the last page oldest first: those pages are live.
        // Where the projection stands before the page is read: the stream sends what is projected after it, so a line
        // projected while the page is read still arrives (and one on the page is not sent again: see "shown").
        Object since = oldestFirst || filter.get("cursor") == null ? position(request, filter) : null;
        PortalApi.Answer answer = api.get(request, "/api/timeline", filter);
        Map<String, Object> model = new HashMap<>(answer.ok() ? answer.body() : Map.of("entries", List.of()));
        model.put("problem", answer.ok() ? null : answer.detail());
        model.put("errors", answer.fieldErrors());
        // Filters, not a form to save: the errors say so, and link to the fields by their ids (f-kind).
        model.put("heading", "filter.problem");
        model.put("checkFields", "filter.checkFields");
        model.put("anchorPrefix", "f-");
        model.put("filter", filter);
        Map<String, Object> fromTheStart = new LinkedHashMap<>(filter);
        fromTheStart.remove("cursor");
        Map<String, Object> stream = new LinkedHashMap<>(fromTheStart);
        stream.remove("order");
        stream.put("since", since);
        // The lines on the page, which the stream does not send again. An empty page still says so: a lone comma lists
        // no line, where a blank value would leave the parameter out.
        stream.put("shown", String.join(",", ((List<Map<String, Object>>) model.getOrDefault("entries", List.of())).stream()
                .map(e -> (String) e.get("eventId")).toList()) + ",");
        model.put("stream", "/timeline/stream" + PortalApi.queryString(stream));
        model.put("live", since != null && (oldestFirst ? answer.body().get("nextCursor") == null : filter.get("cursor") == null));
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
     * New timeline lines as they are projected, rendered as table rows for htmx's SSE extension: every line the page's
     * filters take that is projected after the page was read ({@code since}), wherever its business date puts it in the
     * timeline; a decision recorded today for a meeting weeks ago is new too. Each open page polls the overview with its
     * own user's token, so the stream shows exactly what the page may show.
     */
    @Get(value = "/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(@Nullable Authentication auth, HttpRequest<?> request) {
        if (auth == null) {
            return Flux.empty();
        }
        Map<String, Object> filter = filters(request, NEW_LINE_FILTERS);
        AtomicReference<String> since = new AtomicReference<>(request.getParameters().getFirst("since").orElse(null));
        Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
        request.getParameters().getFirst("shown")
                .ifPresent(ids -> Arrays.stream(ids.split(",")).filter(id -> !id.isBlank()).forEach(seen::add));
        return Flux.interval(Duration.ZERO, livePoll)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> fresh(request, filter, since, seen))
                        .subscribeOn(Schedulers.boundedElastic()))
                .takeWhile(rows -> rows != null)
                .flatMapIterable(rows -> rows)
                .map(row -> Event.of(row).name("entry"))
                .onErrorResume(e -> {
                    LOG.info("Timeline stream ended: {}", e.getMessage());
                    return Flux.empty();
                });
    }

    /** Where the projection stands now, for the filters: the position the stream asks from (null when it cannot say). */
    private Object position(HttpRequest<?> request, Map<String, Object> filter) {
        Map<String, Object> asked = new LinkedHashMap<>(filter);
        asked.keySet().retainAll(NEW_LINE_FILTERS);
        PortalApi.Answer answer = api.get(request, "/api/timeline/recent", asked);
        return answer.ok() ? answer.body().get("position") : null;
    }

    /**
     * Rows of the lines projected since the last poll that were not sent before (nor shown on the page), in the order
     * they were projected. Without a position, the first poll only learns it.
     */
    private List<String> fresh(HttpRequest<?> request, Map<String, Object> filter, AtomicReference<String> since, Set<String> seen) {
        Map<String, Object> asked = new LinkedHashMap<>(filter);
        asked.put("since", since.get());
        PortalApi.Answer answer = api.get(request, "/api/timeline/recent", asked);
        if (answer.status() >= 500) {
            return List.of(); // the overview is away (restarting, say): ask again at the next tick, from the same position
        }
        if (!answer.ok()) {
            return null; // signed out or token expired: end the stream; the page keeps what it has
        }
        since.set((String) answer.body().get("position"));
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) answer.body().getOrDefault("entries", List.of())) {
            if (seen.add((String) entry.get("eventId"))) {
                rows.add(render("timeline-row", Map.of("e", entry, "live", true, "fresh", false, "times", LocalTimes.INSTANCE), request));
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
