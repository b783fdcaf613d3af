package nl.programmes.overview.read;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.places.PlaceNames;
import nl.programmes.kit.problem.InvalidParameterException;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.replica.OrganisationReplica;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queries over the overview's read models. Joins happen here, so arrival order of events never matters. */
@Singleton
public class OverviewReads {

    public static final String REGION_UNKNOWN = "region unknown";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(org|offering):([^}]+)}");

    private final Sql sql;
    private final StoredLists lists;
    private final Clock clock;
    private final OrganisationReplica organisations;
    private final ReadCache cache;
    private final RegionalSnapshot regional;
    private final int listedUpTo;
    private final int namedInOrderUpTo;

    /**
     * @param listedUpTo       up to this many announcements and offerings, a province's or an institution's lines on the
     *                         timeline are found by naming them, each list read along its own index; above it, by reading
     *                         the timeline in order and passing over other lines
     * @param namedInOrderUpTo up to this many, the database passes over the other lines (the ids named in the statement);
     *                         above it, this service does (a statement naming 34,000 ids took MariaDB 37 ms to read). It
     *                         was 5,000 until session 25, which measured 9,800 named against checked here: 31 / 46 ms
     *                         against 56 / 111 ms (p50 / p90) for lines under 4,000 commands of another organisation,
     *                         25 / 36 against 19 / 29 ms without them
     */
    public OverviewReads(JdbcOperations jdbc, ObjectMapper json, Clock clock, OrganisationReplica organisations, ReadCache cache,
                         RegionalSnapshot regional, @Value("${platform.overview.timeline.listed-up-to:1000}") int listedUpTo,
                         @Value("${platform.overview.timeline.named-in-order-up-to:15000}") int namedInOrderUpTo) {
        this.sql = new Sql(jdbc);
        this.lists = new StoredLists(json);
        this.clock = clock;
        this.organisations = organisations;
        this.cache = cache;
        this.regional = regional;
        this.listedUpTo = listedUpTo;
        this.namedInOrderUpTo = namedInOrderUpTo;
    }

    // ---- the objection matrix -------------------------------------------------------------------

    private record PositionRow(String consultationId, String location, String form, int revision, String position,
                               List<String> grounds, String explanation, String conditions, boolean provisional,
                               boolean preferred, LocalDate meetingDate) {
    }

    /**
     * Four queries in one read-only transaction, so that the parts agree. Measured at 100,000 announcements (session
     * 14): one statement returning the parts as JSON arrays (JSON_ARRAYAGG) cost MariaDB twice the CPU (810 µs a
     * matrix against 400); the four queries without a transaction saved about 170 µs but could mix two commits.
     */
    @Transactional(readOnly = true)
    public Views.Matrix matrix(String announcementId) {
        Map<String, String> names = names();
        Map<String, Object> a = sql.one("SELECT * FROM announcement_overview WHERE announcement_id = ?",
                Sql.params(announcementId), OverviewReads::row).orElseThrow(() -> new NotFoundException("Announcement", announcementId));
        List<String> locations = strings((String) a.get("candidate_locations"));
        List<String> dropped = strings((String) a.get("dropped_locations"));
        boolean decided = List.of("WITHDRAWN", "APPROVED", "REJECTED").contains((String) a.get("status"));

        Map<String, List<PositionRow>> positions = new LinkedHashMap<>();
        sql.query("SELECT * FROM overview_position WHERE announcement_id = ? ORDER BY consultation_id, location, form, revision",
                Sql.params(announcementId), rs -> positions.computeIfAbsent(rs.getString("consultation_id"), k -> new ArrayList<>())
                        .add(new PositionRow(rs.getString("consultation_id"), rs.getString("location"), rs.getString("form"),
                                rs.getInt("revision"), rs.getString("position"),
                                rs.getString("grounds").isEmpty() ? List.of() : Arrays.asList(rs.getString("grounds").split(",")),
                                rs.getString("explanation"), rs.getString("conditions"), rs.getBoolean("provisional"),
                                rs.getBoolean("preferred"), rs.getDate("meeting_date").toLocalDate())));

        LocalDate today = LocalDate.now(clock);
        List<Views.MatrixRow> rows = new ArrayList<>();
        List<Views.AwaitedPosition> awaiting = new ArrayList<>();
        List<Map<String, Object>> consultations = sql.query("SELECT * FROM overview_consultation WHERE announcement_id = ? ORDER BY consulted_org, consultation_id",
                Sql.params(announcementId), OverviewReads::row);
        for (Map<String, Object> c : consultations) {
            String id = (String) c.get("consultation_id");
            String org = (String) c.get("consulted_org");
            boolean open = "OPEN".equals(c.get("status")) && !decided;
            LocalDate due = c.get("due_date") == null ? null : ((Date) c.get("due_date")).toLocalDate();
            List<Views.Cell> cells = new ArrayList<>();
            List<Views.Cell> droppedCells = new ArrayList<>();
            Map<String, List<PositionRow>> byCell = new LinkedHashMap<>();
            for (PositionRow p : positions.getOrDefault(id, List.of())) {
                byCell.computeIfAbsent(p.location() + "|" + p.form(), k -> new ArrayList<>()).add(p);
            }
            boolean overdueRow = false;
            for (String location : locations) {
                List<List<PositionRow>> here = byCell.entrySet().stream().filter(e -> e.getKey().startsWith(location + "|"))
                        .map(Map.Entry::getValue).toList();
                if (here.isEmpty()) {
                    // Until the request itself has arrived the scope is unknown: every candidate counts.
                    boolean inScope = c.get("scope") == null || strings((String) c.get("scope")).contains(location);
                    if (open && inScope) {
                        boolean overdue = due != null && today.isAfter(due);
                        overdueRow |= overdue;
                        awaiting.add(new Views.AwaitedPosition(org, location, overdue));
                    }
                    cells.add(new Views.Cell(location, null, open ? "AWAITING" : "NONE", false, false, List.of(), null, null, List.of()));
                } else {
                    here.forEach(history -> cells.add(cell(history)));
                }
            }
            for (String location : dropped) {
                byCell.entrySet().stream().filter(e -> e.getKey().startsWith(location + "|"))
                        .forEach(e -> droppedCells.add(cell(e.getValue())));
            }
            rows.add(new Views.MatrixRow(org, names.getOrDefault(org, org), id, (String) c.get("kind"),
                    open ? "OPEN" : "CLOSED", due, overdueRow, c.get("meeting_date") == null ? null
                    : ((Date) c.get("meeting_date")).toLocalDate(), (String) c.get("summary"), (String) c.get("agreements"),
                    cells, droppedCells));
        }

        Map<String, String> correctedBy = new HashMap<>();
        List<Map<String, Object>> decisionRows = sql.query("SELECT * FROM overview_decision WHERE announcement_id = ? ORDER BY meeting_date, decision_id",
                Sql.params(announcementId), OverviewReads::row);
        decisionRows.forEach(d -> {
            if (d.get("corrects_id") != null) {
                correctedBy.put((String) d.get("corrects_id"), (String) d.get("decision_id"));
            }
        });
        List<Views.DecisionView> decisions = decisionRows.stream().map(d -> new Views.DecisionView((String) d.get("decision_id"),
                (String) d.get("committee_id"), names.getOrDefault((String) d.get("committee_id"), (String) d.get("committee_id")),
                ((Date) d.get("meeting_date")).toLocalDate(), (String) d.get("decision"), strings((String) d.get("locations")),
                (String) d.get("rationale"), (String) d.get("corrects_id"), correctedBy.get((String) d.get("decision_id")))).toList();

        String institution = (String) a.get("institution_id");
        return new Views.Matrix(announcementId, (String) a.get("reference"), institution, names.getOrDefault(institution, institution),
                (String) a.get("programme_name"), (String) a.get("level"), (String) a.get("isat_code"),
                Arrays.asList(((String) a.get("forms")).split(",")), ShownStatus.of((String) a.get("status"), !consultations.isEmpty()),
                (String) a.get("intended_start"),
                (String) a.get("announced_by"), locations, dropped, rows, awaiting, decisions);
    }

    private static Views.Cell cell(List<PositionRow> history) {
        PositionRow current = history.get(history.size() - 1);
        return new Views.Cell(current.location(), current.form().isEmpty() ? null : current.form(), current.position(),
                current.provisional(), current.preferred(), current.grounds(), current.explanation(), current.conditions(),
                history.stream().map(p -> new Views.CellHistory(p.revision(), p.meetingDate(), p.position(), p.provisional(),
                        p.preferred())).toList());
    }

    // ---- regions --------------------------------------------------------------------------------

    /** Organisation names by id, read once per generation; a copy, because callers add offering names to it. */
    private Map<String, String> names() {
        return new HashMap<>(cache.get("organisation-names", organisations::names));
    }

    /** The provinces' summary of one state of the regional data. */
    public static Views.Regions regions(RegionalSnapshot.Regional all) {
        java.util.Set<String> regions = new java.util.TreeSet<>(all.offerings().keySet());
        regions.addAll(all.intended().keySet());
        List<Views.RegionSummary> summaries = regions.stream().map(r -> new Views.RegionSummary(r,
                all.municipalities().getOrDefault(r, 0L).intValue(), all.offerings().getOrDefault(r, List.of()).size(),
                all.intended().getOrDefault(r, List.of()).size())).toList();
        return new Views.Regions(summaries, all.unknown());
    }

    /**
     * Filters of a regional page; null (or blank) means any. Level and status are chosen from lists, so a value that is
     * on neither list is the caller's mistake, named as such, not a page that is empty for no reason it can see.
     */
    public record RegionFilter(String level, String domain, String code, String institution, String status) {
        private static final List<String> LEVELS = Arrays.stream(ProgrammeLevel.values()).map(Enum::name).toList();

        public RegionFilter {
            level = blankAsAny(level);
            domain = blankAsAny(domain);
            code = blankAsAny(code);
            institution = blankAsAny(institution);
            status = blankAsAny(status);
            if (level != null && !LEVELS.contains(level)) {
                throw new InvalidParameterException("level", "must be one of " + String.join("|", LEVELS));
            }
            if (status != null && !ShownStatus.ALL.contains(status)) {
                throw new InvalidParameterException("status", "must be one of " + String.join("|", ShownStatus.ALL));
            }
        }

        private static String blankAsAny(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    public Views.Region region(String region, RegionFilter filter) {
        return region(regional.current(), region, filter);
    }

    /** The province a regional page's name stands for, in any case; an unknown name stands for itself. */
    public static String province(RegionalSnapshot.Regional all, String region) {
        return all.municipalities().keySet().stream().filter(region::equalsIgnoreCase).findFirst()
                .orElse(REGION_UNKNOWN.equalsIgnoreCase(region) ? REGION_UNKNOWN : region);
    }

    /**
     * The announcement a text names for the timeline's announcement filter: the one whose id it is (known yet or not,
     * as its events may come in any order), or the one whose reference it is (A24-056, in any case). References are
     * unique per institution only: where two institutions use one, the institution filter chooses, else the caller
     * is asked for the id. Reads the database for a reference; null for no text (no announcement filter).
     */
    @Connectable
    public String announcementNamed(String text, String institution) {
        if (text == null || text.isBlank() || isId(text)) {
            return idOf(text);
        }
        String given = text.strip();
        List<String[]> named = sql.query("SELECT announcement_id, institution_id FROM announcement_overview WHERE reference = ? "
                + "ORDER BY institution_id", Sql.params(given), rs -> new String[] {rs.getString(1), rs.getString(2)});
        List<String[]> chosen = named.size() > 1 && institution != null
                ? named.stream().filter(n -> n[1].equals(institution)).toList() : named;
        if (chosen.isEmpty()) {
            throw new InvalidParameterException("announcement", "is neither an announcement's id nor the reference of one");
        }
        if (chosen.size() > 1) {
            throw new InvalidParameterException("announcement", "is the reference of announcements of "
                    + String.join(", ", chosen.stream().map(n -> n[1]).toList()) + "; choose the institution too");
        }
        return chosen.get(0)[0];
    }

    /**
     * The announcement's id a text is, as stored (lower case), with no lookup, so the event loop may ask; null for no
     * text. Only for a text that {@link #isId} or is blank: a reference needs {@link #announcementNamed}.
     */
    public static String idOf(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a text is an announcement's id as the services hand them out (a UUID); anything else may be a reference. */
    public static boolean isId(String text) {
        try {
            return java.util.UUID.fromString(text.strip()).toString().equalsIgnoreCase(text.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a name, in any case, is a province of the current municipality table, or "region unknown". */
    public boolean isProvince(String region) {
        // The last state read, not a fresh one: this is asked on the event loop, and provinces do not change with events.
        // Before the first read, the read that the filter needs checks it (held).
        return regional.lastRead().map(all -> isRegion(all, province(all, region))).orElse(true);
    }

    /** The places the municipality table does not hold, with what is there, by name; and the offerings without a place. */
    public Views.DataQuality dataQuality() {
        RegionalSnapshot.Regional all = regional.current();
        Map<String, java.util.SortedSet<String>> institutions = new java.util.TreeMap<>();
        Map<String, Integer> existing = new HashMap<>();
        Map<String, List<Views.AnnouncementAt>> announcements = new HashMap<>();
        int withoutLocation = 0;
        for (Views.Offering o : all.offeringsIn(REGION_UNKNOWN, null)) {
            if (o.location() == null) {
                withoutLocation++;
                continue;
            }
            institutions.computeIfAbsent(o.location(), k -> new java.util.TreeSet<>()).add(o.institutionName());
            existing.merge(o.location(), 1, Integer::sum);
        }
        for (RegionalSnapshot.Placed placed : all.intendedIn(REGION_UNKNOWN, null)) {
            institutions.computeIfAbsent(placed.location(), k -> new java.util.TreeSet<>()).add(placed.programme().institutionName());
            announcements.computeIfAbsent(placed.location(), k -> new ArrayList<>())
                    .add(new Views.AnnouncementAt(placed.programme().announcementId(), placed.programme().reference()));
        }
        List<Views.UnknownPlace> places = institutions.entrySet().stream().map(e -> new Views.UnknownPlace(e.getKey(), List.copyOf(e.getValue()),
                existing.getOrDefault(e.getKey(), 0), announcements.getOrDefault(e.getKey(), List.of()))).toList();
        return new Views.DataQuality(places, withoutLocation);
    }

    /** A province of the municipality table, or the place for municipalities it does not know. */
    static boolean isRegion(RegionalSnapshot.Regional all, String province) {
        return all.municipalities().containsKey(province) || REGION_UNKNOWN.equals(province);
    }

    /**
     * An institution's existing offerings in every province (its register as the regional pages show it), by province,
     * programme, form and location: staff find an offering to end without knowing which province's page holds it.
     */
    public Views.InstitutionOfferings offeringsOf(String institution) {
        RegionalSnapshot.Regional all = regional.current();
        List<Views.OfferingInProvince> offerings = new ArrayList<>();
        for (String province : new java.util.TreeSet<>(all.offerings().keySet())) {
            all.offeringsIn(province, institution).stream()
                    .sorted(Comparator.comparing(Views.Offering::programme).thenComparing(Views.Offering::form)
                            .thenComparing(o -> o.location() == null ? "" : o.location()))
                    .forEach(o -> offerings.add(new Views.OfferingInProvince(province, o)));
        }
        return new Views.InstitutionOfferings(institution, offerings);
    }

    /** A regional page from one state of the regional data; a name that is no province (nor "region unknown") is not found. */
    public static Views.Region region(RegionalSnapshot.Regional all, String region, RegionFilter filter) {
        String province = province(all, region);
        if (!isRegion(all, province)) {
            throw new NotFoundException("Region", region);
        }
        Map<String, List<Views.Offering>> existing = new TreeMap<>();
        Map<String, List<Views.Intended>> intended = new TreeMap<>();
        for (Views.Offering o : all.offeringsIn(province, filter.institution())) {
            if (matches(filter, o.level(), null, o.code(), o.institution(), null)) {
                existing.computeIfAbsent(o.location() == null ? "(no location)" : all.nameOf(o.location()), k -> new ArrayList<>()).add(o);
            }
        }
        for (RegionalSnapshot.Placed placed : all.intendedIn(province, filter.institution())) {
            Views.Intended i = placed.programme();
            if (matches(filter, i.level(), i.domain(), i.code(), i.institution(), i.status())) {
                intended.computeIfAbsent(all.nameOf(placed.location()), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> places = new ArrayList<>(existing.keySet());
        intended.keySet().stream().filter(p -> !places.contains(p)).forEach(places::add);
        places.sort(String::compareTo);
        // Each place under the table's name for it: a programme at "enschede" is in Enschede's section.
        List<Views.Municipality> municipalities = places.stream().map(p -> new Views.Municipality(p, all.labourMarket().get(PlaceNames.key(p)),
                existing.getOrDefault(p, List.of()), intended.getOrDefault(p, List.of()))).toList();
        return new Views.Region(region, municipalities, related(existing.values().stream().flatMap(List::stream).toList(),
                intended.values().stream().flatMap(List::stream).distinct().toList()));
    }

    /**
     * The page's programmes that belong side by side: those with the same CROHO/ISAT code, then intended programmes in
     * the same domain together with the existing offerings that share a code with one of them. The register of existing
     * offerings carries no domain, so a code is their only tie. A group needs two programmes: one alone relates to nothing.
     */
    static List<Views.Related> related(List<Views.Offering> existing, List<Views.Intended> intended) {
        Map<String, List<String>> existingByCode = new TreeMap<>();
        existing.stream().filter(o -> o.code() != null).forEach(o -> existingByCode.computeIfAbsent(o.code(), c -> new ArrayList<>())
                .add(o.offeringId()));
        Map<String, List<String>> intendedByCode = new TreeMap<>();
        intended.stream().filter(i -> i.code() != null).forEach(i -> intendedByCode.computeIfAbsent(i.code(), c -> new ArrayList<>())
                .add(i.announcementId()));
        List<Views.Related> related = new ArrayList<>();
        java.util.Set<String> codes = new java.util.TreeSet<>(existingByCode.keySet());
        codes.addAll(intendedByCode.keySet());
        for (String code : codes) {
            List<String> offerings = existingByCode.getOrDefault(code, List.of());
            List<String> announcements = intendedByCode.getOrDefault(code, List.of());
            if (offerings.size() + announcements.size() >= 2) {
                related.add(new Views.Related(code, null, offerings, announcements));
            }
        }
        // Domains are free text: "Techniek" and "techniek " are one domain, shown as first written.
        Map<String, List<Views.Intended>> byDomain = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        intended.stream().filter(i -> i.domain() != null && !i.domain().isBlank())
                .forEach(i -> byDomain.computeIfAbsent(i.domain().strip(), d -> new ArrayList<>()).add(i));
        byDomain.forEach((domain, programmes) -> {
            if (programmes.size() >= 2) {
                List<String> offerings = programmes.stream().map(Views.Intended::code).filter(java.util.Objects::nonNull).distinct()
                        .flatMap(code -> existingByCode.getOrDefault(code, List.of()).stream()).toList();
                related.add(new Views.Related(null, programmes.get(0).domain().strip(), offerings,
                        programmes.stream().map(Views.Intended::announcementId).toList()));
            }
        });
        return related;
    }

    /**
     * Level, status and institution are chosen from lists, so they match exactly. A domain is free text ("Ad cluster
     * Creatieve Industrie; domein Technologie & Media"), so the filter finds the words typed anywhere in it, in any case;
     * a code is typed, so spaces around it do not count. Existing offerings have no domain: a domain filter leaves them out.
     */
    private static boolean matches(RegionFilter f, String level, String domain, String code, String institution, String status) {
        return (f.level() == null || f.level().equals(level))
                && (f.domain() == null || domain != null && domain.toLowerCase(Locale.ROOT).contains(f.domain().strip().toLowerCase(Locale.ROOT)))
                && (f.code() == null || f.code().strip().equals(code)) && (f.institution() == null || f.institution().equals(institution))
                && (f.status() == null || f.status().equals(status));
    }

    // ---- the timeline ---------------------------------------------------------------------------

    /** Filters of the timeline; null means any. */
    public record TimelineFilter(String announcementId, String institution, String kind, LocalDate from, LocalDate to,
                                 String region) {
        public TimelineFilter {
            kind = kind == null || kind.isBlank() ? null : kind.strip();
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidParameterException("to", "is before from (" + from + ")");
            }
            if (kind != null && kindsLike(kind).isEmpty()) {
                throw new InvalidParameterException("kind", "is no kind of event, nor part of one (such as "
                        + EventTypes.STEERING_DECISION_RECORDED.ceType() + ", or decision)");
            }
        }

        /** The kinds of event the filter's kind stands for: the one it names, or every one whose name holds it, in any case. */
        List<String> kinds() {
            return kindsLike(kind);
        }

        public static List<String> kindsLike(String kind) {
            String part = kind.strip().toLowerCase(Locale.ROOT);
            return EventTypes.ALL.stream().map(EventType::ceType).filter(type -> type.contains(part)).toList();
        }

        public TimelineFilter(String announcementId, String institution, String kind, LocalDate from, LocalDate to) {
            this(announcementId, institution, kind, from, to, null);
        }
    }

    /**
     * Where a timeline page ended: its last line's business date, recorded time and event id, the order the lines
     * are sorted in. Handed out as {@code nextCursor}, an opaque URL-safe string.
     */
    public record TimelineCursor(LocalDate occurredOn, Instant recordedAt, String eventId) {

        /** Whether a text is a cursor a page handed out. */
        public static boolean readable(String text) {
            try {
                parse(text);
                return true;
            } catch (InvalidParameterException e) {
                return false;
            }
        }

        /** The cursor a page handed out; anything else is the caller's mistake, answered as such (400), not a 500. */
        public static TimelineCursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
                if (parts.length != 3 || parts[2].isEmpty()) {
                    throw new IllegalArgumentException("not three parts");
                }
                return new TimelineCursor(LocalDate.parse(parts[0]), Instant.parse(parts[1]), parts[2]);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new InvalidParameterException("cursor", "is not a cursor a timeline page handed out (its nextCursor)");
            }
        }

        /**
         * The lines after this one in the page's order. Written out column by column: MariaDB reads a row comparison
         * ({@code (a, b, c) < (?, ?, ?)}) by scanning from the index's start, which made a page deep in a 1.3-million-line
         * timeline cost 1.8 s, and an export of all of it one such page per 500 lines.
         */
        Clause after(boolean newestFirst) {
            String than = newestFirst ? " < ?" : " > ?";
            return new Clause("(t.occurred_on" + than + " OR (t.occurred_on = ? AND (t.recorded_at" + than
                    + " OR (t.recorded_at = ? AND t.event_id" + than + "))))", List.of(Date.valueOf(occurredOn), Date.valueOf(occurredOn),
                    Timestamp.from(recordedAt), Timestamp.from(recordedAt), eventId));
        }

        String encoded() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((occurredOn + "|" + recordedAt + "|" + eventId)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A connection without a transaction: the page is one statement (plus, for offerings' events, their current
     * names), and a read-only transaction around it cost three more round trips (autocommit off, commit, autocommit on).
     * <p>
     * Each filter reads along an index that holds the timeline's order after the filtered column (kind, acting
     * organisation, announcement; V6), so a filter that matches few lines, or lines far back, reads those lines and
     * not every newer line before them. Where a filter matches one of several things (an institution acts, or the line
     * is about its announcement or its offering; a province's announcements and offerings) or several kinds, each is
     * read in order on its own, up to a page, and the page is the first lines of their union, found by their keys
     * before their rows are read.
     */
    @Connectable
    public Views.TimelinePage timeline(TimelineFilter filter, boolean newestFirst, TimelineCursor cursor, int size) {
        String announcementId = filter.announcementId();
        List<Clause> shared = new ArrayList<>();
        List<Branch> branches = List.of(Branch.ANY);
        if (filter.region() != null) {
            Held in = held(filter.region(), null);
            if (announcementId != null) {
                shared.add(in.announcements().contains(announcementId) ? Clause.NONE : Clause.NOTHING);
            } else if (in.size() == 0) {
                shared.add(Clause.NOTHING);
            } else {
                branches = alternatives(branches, ways(in));
            }
        }
        if (announcementId != null) {
            shared.add(new Clause("t.announcement_id = ?", List.of(announcementId)));
        }
        if (filter.from() != null) {
            shared.add(new Clause("t.occurred_on >= ?", List.of(Date.valueOf(filter.from()))));
        }
        if (filter.to() != null) {
            shared.add(new Clause("t.occurred_on <= ?", List.of(Date.valueOf(filter.to()))));
        }
        if (filter.kind() != null) {
            branches = alternatives(branches, filter.kinds().stream().map(kind -> Branch.of(new Clause("t.kind = ?", List.of(kind)))).toList());
        }
        if (filter.institution() != null) {
            // What it did, and the lines about its announcements and its offerings (an operator imports the intake table
            // for every institution, so the institution is seldom the one who acted there).
            List<Branch> its = new ArrayList<>(List.of(Branch.of(new Clause("t.actor_org = ?", List.of(filter.institution())))));
            its.addAll(ways(held(null, filter.institution())));
            branches = alternatives(branches, its);
        }
        if (announcementId == null) {
            // With one announcement named, its own index finds its few lines; along the order it would pass over the rest.
            branches = branches.stream().map(Branch::namedWhereAlone).toList();
        }
        String byOrder = orderBy("t.", newestFirst);
        List<Views.TimelineLine> raw;
        if (branches.stream().anyMatch(b -> b.check() != null)) {
            raw = linesOf(keysAmong(branches, shared, newestFirst, cursor, size + 1), byOrder);
        } else if (branches.size() == 1) {
            List<Clause> where = where(shared, branches.get(0).where(), cursor, newestFirst);
            List<Object> values = values(where);
            values.add(size + 1);
            raw = sql.query(LINES + table(where) + WITH_REFERENCE + " WHERE " + and(where) + byOrder + " LIMIT ?",
                    Sql.params(values.toArray()), OverviewReads::line);
        } else {
            List<Object> values = new ArrayList<>();
            List<String> reads = new ArrayList<>();
            for (Branch branch : branches) {
                List<Clause> where = where(shared, branch.where(), cursor, newestFirst);
                reads.add("(SELECT t.occurred_on, t.recorded_at, t.event_id FROM " + table(where) + " WHERE " + and(where) + byOrder
                        + " LIMIT ?)");
                values.addAll(values(where));
                values.add(size + 1);
            }
            values.add(size + 1);
            raw = sql.query(LINES + "(" + String.join(" UNION ", reads) + orderBy("", newestFirst)
                            + " LIMIT ?) k JOIN timeline_entry t ON t.event_id = k.event_id" + WITH_REFERENCE + byOrder,
                    Sql.params(values.toArray()), OverviewReads::line);
        }
        List<Views.TimelineLine> lines = named(raw);
        String next = null;
        if (lines.size() > size) {
            Views.TimelineLine last = lines.get(size - 1);
            next = new TimelineCursor(last.occurredOn(), last.recordedAt(), last.eventId()).encoded();
            lines = lines.subList(0, size);
        }
        return new Views.TimelinePage(lines, next);
    }

    /**
     * The announcements with a candidate location in a province, or of an institution, and the offerings in it or of it;
     * {@code named}, where they are few enough to name in a statement read along the timeline's order, that condition.
     */
    private record Held(Set<String> announcements, Set<String> offerings, Clause named) {
        Held(Set<String> announcements, Set<String> offerings, int namedUpTo) {
            this(announcements, offerings, announcements.size() + offerings.size() > namedUpTo ? null : named(announcements, offerings));
        }

        private static Clause named(Set<String> announcements, Set<String> offerings) {
            List<String> either = new ArrayList<>();
            List<Object> values = new ArrayList<>(announcements);
            if (!announcements.isEmpty()) {
                either.add("t.announcement_id IN (" + Sql.marks(announcements.size()) + ")");
            }
            if (!offerings.isEmpty()) {
                either.add("t.offering_id IN (" + Sql.marks(offerings.size()) + ")");
                values.addAll(offerings);
            }
            // Without the hint MariaDB merged the two ids' indexes and sorted: 94-469 ms a page, against 4.1-4.5 ms along
            // the order index, which holds both ids (V8), for an institution's 4,014 at 1.3 million lines.
            return either.isEmpty() ? Clause.NOTHING : new Clause("(" + String.join(" OR ", either) + ")", List.copyOf(values), "timeline_order");
        }

        int size() {
            return announcements.size() + offerings.size();
        }

        boolean holds(String announcementId, String offeringId) {
            return announcementId != null && announcements.contains(announcementId)
                    || offeringId != null && offerings.contains(offeringId);
        }
    }

    /**
     * One of the reads whose union is a page: its conditions, and a check of each line's key where what the filter
     * holds is too much to name in a statement (null: none). {@code named} is that check as a condition the database
     * can test along the timeline's order, for a branch with no other condition (null: none).
     */
    private record Branch(List<Clause> where, java.util.function.BiPredicate<String, String> check, Clause named) {
        static final Branch ANY = new Branch(List.of(), null, null);

        static Branch of(Clause clause) {
            return new Branch(List.of(clause), null, null);
        }

        Branch and(Branch other) {
            if (other.isAny()) {
                return this;
            }
            if (isAny()) {
                return other;
            }
            // A condition besides the check (a kind, an actor, another province) has its own index to read along.
            List<Clause> both = new ArrayList<>(where);
            both.addAll(other.where);
            return new Branch(both, check == null ? other.check : other.check == null ? check : check.and(other.check), null);
        }

        boolean isAny() {
            return where.isEmpty() && check == null;
        }

        /** This branch read by the database along the timeline's order, where it can be: a check alone, with a name. */
        Branch namedWhereAlone() {
            return check != null && where.isEmpty() && named != null ? of(named) : this;
        }
    }

    /**
     * The ways to read the lines about what a province or an institution holds: by the ids, up to
     * {@code platform.overview.timeline.listed-up-to}; above that, along the timeline's order, checking each line.
     */
    private List<Branch> ways(Held held) {
        if (held.size() > listedUpTo) {
            return List.of(new Branch(List.of(), held::holds, held.named()));
        }
        List<Branch> ways = new ArrayList<>();
        if (!held.announcements().isEmpty()) {
            ways.add(Branch.of(new Clause("t.announcement_id IN (" + Sql.marks(held.announcements().size()) + ")",
                    List.copyOf(held.announcements()))));
        }
        if (!held.offerings().isEmpty()) {
            ways.add(Branch.of(new Clause("t.offering_id IN (" + Sql.marks(held.offerings().size()) + ")", List.copyOf(held.offerings()))));
        }
        return ways;
    }

    /** What a province or an institution holds, for one state of the regional data: computed once per state, not per page. */
    private volatile Map.Entry<RegionalSnapshot.Regional, Map<String, Held>> helds;

    private Held held(String region, String institution) {
        RegionalSnapshot.Regional all = regional.current();
        String province = region == null ? null : province(all, region);
        if (region != null && !isRegion(all, province)) {
            throw new InvalidParameterException("region", "is not a province (nor “" + REGION_UNKNOWN + "”)");
        }
        Map.Entry<RegionalSnapshot.Regional, Map<String, Held>> known = helds;
        if (known == null || known.getKey() != all) {
            known = Map.entry(all, new java.util.concurrent.ConcurrentHashMap<>());
            helds = known;
        }
        if (province != null) {
            return known.getValue().computeIfAbsent("province|" + province, k -> {
                Set<String> offerings = all.offeringsIn(province, null).stream().map(Views.Offering::offeringId)
                        .collect(java.util.stream.Collectors.toCollection(HashSet::new));
                takenOutInError(all, o -> province.equals(RegionalSnapshot.regionOf(o.location(), all.provinceOf())), offerings);
                return new Held(all.intendedIn(province, null).stream().map(placed -> placed.programme().announcementId())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()), Set.copyOf(offerings), namedInOrderUpTo);
            });
        }
        // An institution's programmes are kept per province, and an announcement is in each province it names.
        return known.getValue().computeIfAbsent("institution|" + institution, k -> {
            Set<String> announcements = all.intended().keySet().stream().flatMap(p -> all.intendedIn(p, institution).stream())
                    .map(placed -> placed.programme().announcementId()).collect(java.util.stream.Collectors.toCollection(HashSet::new));
            announcements.addAll(consultedOn(institution));
            Set<String> offerings = all.offerings().keySet().stream().flatMap(p -> all.offeringsIn(p, institution).stream())
                    .map(Views.Offering::offeringId).collect(java.util.stream.Collectors.toCollection(HashSet::new));
            takenOutInError(all, o -> institution.equals(o.institution()), offerings);
            return new Held(Set.copyOf(announcements), Set.copyOf(offerings), namedInOrderUpTo);
        });
    }

    /** An offering taken out of the register as registered in error: where it was, and whose. */
    private record TakenOut(String offeringId, String institution, String location) {
    }

    /** The offerings registered in error, read for one state of the offerings (the regional data keeps it until one changes). */
    private volatile Map.Entry<Map<String, List<Views.Offering>>, List<TakenOut>> takenOut;

    /**
     * Adds the offerings registered in error that the test picks. The regional pages leave them out, but their lines stay
     * on the timeline of their institution and province (the registration, its figures, the taking out). Read again only
     * after an offering event (7-9 ms for 2,425 among 99,420 offerings, along V13's index), not after every commit.
     */
    private void takenOutInError(RegionalSnapshot.Regional all, java.util.function.Predicate<TakenOut> picked, Set<String> into) {
        Map.Entry<Map<String, List<Views.Offering>>, List<TakenOut>> known = takenOut;
        if (known == null || known.getKey() != all.offerings()) {
            known = Map.entry(all.offerings(), sql.query("""
                    SELECT o.offering_id, o.institution_id, o.location FROM overview_offering_discontinued d
                    JOIN overview_offering o ON o.offering_id = d.offering_id WHERE d.reason = 'REGISTERED_IN_ERROR'""", Sql.params(),
                    rs -> new TakenOut(rs.getString(1), rs.getString(2), rs.getString(3))));
            takenOut = known;
        }
        known.getValue().stream().filter(picked).forEach(o -> into.add(o.offeringId()));
    }

    /**
     * The announcements an organisation was asked to consult on: a school's story is the announcements it was asked about,
     * not only the positions it recorded, and an institution's includes its neighbours' announcements it answered.
     * Read from the database (V11's index) once per state of the regional data: every commit about an announcement, a
     * consultation's request among them, makes a new state, so a request is counted from the first page read after it.
     */
    private List<String> consultedOn(String organisation) {
        return sql.query("SELECT DISTINCT announcement_id FROM overview_consultation WHERE consulted_org = ?", Sql.params(organisation),
                rs -> rs.getString(1));
    }

    /**
     * The first keys in the page's order when a branch holds too much to name in a statement (a list of 34,000 ids cost
     * MariaDB 37 ms to read, at 1.3 million lines; sorting their lines' keys 250 ms). So much has lines all through the
     * timeline: such a branch is read in order, a few hundred keys at first and four times as many each round after,
     * and the keys of other lines are passed over. A branch without a check is read once, up to a page.
     */
    private List<String> keysAmong(List<Branch> branches, List<Clause> shared, boolean newestFirst, TimelineCursor cursor, int wanted) {
        List<TimelineKey> found = new ArrayList<>();
        for (Branch branch : branches) {
            TimelineCursor after = cursor;
            int matched = 0;
            for (int chunk = branch.check() == null ? wanted : 4 * wanted; matched < wanted; chunk = Math.min(4 * chunk, 50_000)) {
                List<Clause> read = where(shared, branch.where(), after, newestFirst);
                List<Object> values = values(read);
                values.add(chunk);
                java.util.function.BiPredicate<String, String> check = branch.check();
                // Each line's ids are checked as it is read; its place in the order (a date and a time to decode: a
                // third of the service's profile in a read past 67,000 lines of other provinces) only where it counts:
                // a line the page takes, and the last, where the next round starts.
                List<TimelineKey> keys = sql.query("SELECT t.occurred_on, t.recorded_at, t.event_id, t.announcement_id, t.offering_id "
                                + "FROM " + table(read) + " WHERE " + and(read) + orderBy("t.", newestFirst) + " LIMIT ?", Sql.params(values.toArray()),
                        rs -> {
                            boolean taken = check == null || check.test(rs.getString(4), rs.getString(5));
                            return new TimelineKey(taken || rs.isLast() ? new TimelineCursor(rs.getDate(1).toLocalDate(),
                                    rs.getTimestamp(2).toInstant(), rs.getString(3)) : null, taken);
                        });
                for (TimelineKey key : keys) {
                    if (matched < wanted && key.taken()) {
                        found.add(key);
                        matched++;
                    }
                }
                if (keys.size() < chunk) {
                    break;
                }
                after = keys.get(keys.size() - 1).position();
            }
        }
        Comparator<TimelineCursor> inOrder = Comparator.comparing(TimelineCursor::occurredOn).thenComparing(TimelineCursor::recordedAt)
                .thenComparing(TimelineCursor::eventId);
        return found.stream().map(TimelineKey::position).distinct().sorted(newestFirst ? inOrder.reversed() : inOrder).limit(wanted)
                .map(TimelineCursor::eventId).toList();
    }

    /** Whether the page takes a line, and where it stands in the timeline's order (null for a line passed over, but the last). */
    private record TimelineKey(TimelineCursor position, boolean taken) {
    }

    private List<Views.TimelineLine> linesOf(List<String> eventIds, String byOrder) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return sql.query(LINES + "timeline_entry t" + WITH_REFERENCE + " WHERE t.event_id IN (" + Sql.marks(eventIds.size()) + ")"
                + byOrder, Sql.params(eventIds.toArray()), OverviewReads::line);
    }

    /** A page's lines, as {@link #line} reads them, with their announcement's reference: LINES + source + WITH_REFERENCE. */
    private static final String LINES = "SELECT t.*, a.reference FROM ";
    private static final String WITH_REFERENCE = " LEFT JOIN announcement_overview a ON a.announcement_id = t.announcement_id";

    private static Views.TimelineLine line(ResultSet rs) throws SQLException {
        return new Views.TimelineLine(rs.getString("event_id"), rs.getDate("occurred_on").toLocalDate(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("announcement_id"), rs.getString("reference"),
                rs.getString("kind"), rs.getString("actor_user"), rs.getString("actor_name"), rs.getString("actor_org"),
                rs.getString("actor_org"),
                rs.getString("sentence_nl"), rs.getString("sentence_en"));
    }

    /** The conditions of one read: those every branch shares, the branch's own, and where the page starts. */
    private static List<Clause> where(List<Clause> shared, List<Clause> branch, TimelineCursor after, boolean newestFirst) {
        List<Clause> where = new ArrayList<>(shared);
        where.addAll(branch);
        if (after != null) {
            where.add(after.after(newestFirst));
        }
        return where;
    }

    /** The timeline's order, of the table with this prefix ("t.") or of a union's columns (""). */
    private static String orderBy(String prefix, boolean newestFirst) {
        String order = newestFirst ? " DESC" : " ASC";
        return " ORDER BY " + prefix + "occurred_on" + order + ", " + prefix + "recorded_at" + order + ", " + prefix + "event_id" + order;
    }

    private static String and(List<Clause> where) {
        return where.isEmpty() ? "1 = 1" : String.join(" AND ", where.stream().map(Clause::sql).toList());
    }

    private static List<Object> values(List<Clause> where) {
        List<Object> values = new ArrayList<>();
        where.forEach(c -> values.addAll(c.values()));
        return values;
    }

    /** One condition of a timeline read and its values; {@code index}, where set, the index the read must go along. */
    record Clause(String sql, List<Object> values, String index) {
        static final Clause NONE = new Clause("1 = 1", List.of());
        static final Clause NOTHING = new Clause("1 = 0", List.of());

        Clause(String sql, List<Object> values) {
            this(sql, values, null);
        }
    }

    /** The timeline as a read's FROM, along the index one of its conditions asks for. */
    private static String table(List<Clause> where) {
        return where.stream().map(Clause::index).filter(java.util.Objects::nonNull).findFirst()
                .map(index -> "timeline_entry t FORCE INDEX (" + index + ")").orElse("timeline_entry t");
    }

    /** Every branch once with each alternative: the reads whose union is the page. */
    private static List<Branch> alternatives(List<Branch> branches, List<Branch> alternatives) {
        List<Branch> combined = new ArrayList<>();
        for (Branch branch : branches) {
            for (Branch alternative : alternatives) {
                combined.add(branch.and(alternative));
            }
        }
        return combined;
    }

    /** The lines with the current names of their organisations and offerings put in. */
    private List<Views.TimelineLine> named(List<Views.TimelineLine> raw) {
        Map<String, String> names = namesFor(raw);
        return raw.stream().map(l -> new Views.TimelineLine(l.eventId(), l.occurredOn(), l.recordedAt(),
                l.announcementId(), l.reference(), l.kind(), l.actor(), l.actorName(), l.actorOrganisation(),
                names.getOrDefault(l.actorOrganisation(), l.actorOrganisation()), name(l.textNl(), names), name(l.textEn(), names)))
                .toList();
    }

    // ---- lines as they are projected ------------------------------------------------------------

    /**
     * How far before its position a read of new lines looks again. A line is stamped when its poll starts writing
     * and is seen once that poll commits, so a line stamped just before one read may commit just after it; the next
     * read finds it in this margin. Callers drop the lines they hold already.
     */
    public static final Duration LOOKBACK = Duration.ofSeconds(5);
    /**
     * A read of new lines checks the newest 500 projected (see {@link #AN_ABSENCE}) and hands out at most the newest 50 its filter takes,
     * a page's worth: in a burst (a service catching up after an outage projects thousands a second) a page open on the
     * timeline would otherwise grow by hundreds of lines nobody reads at every poll; the rest are there on reload.
     */
    private static final int NEW_LINES_READ = 500;
    private static final int NEW_LINES_HANDED_OUT = 50;
    /**
     * A read from further back than a poll's interval and its margin (a start page's "since your previous sign-in")
     * checks up to 10,000 of the newest lines, 500 at a time, for its filter's: the newest 500 of a busy region were
     * lines of others, and an organisation back after weeks saw nothing new of its own.
     */
    private static final Duration AN_ABSENCE = Duration.ofMinutes(1);
    private static final int NEW_LINES_READ_AFTER_AN_ABSENCE = 10_000;

    /**
     * What a read of new lines checks of a line against its filter, and where the line stands in the projection's order;
     * the lines taken are read whole afterwards (their sentences, their announcement's reference), not the thousands passed.
     */
    private record Projected(String eventId, Timestamp projectedAt, String announcementId, String offeringId, String actorOrganisation,
                             String kind, LocalDate occurredOn) {
    }

    private static Projected projected(ResultSet rs) throws SQLException {
        return new Projected(rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate());
    }

    /**
     * The lines projected after {@code since} (and up to {@link #LOOKBACK} before it) that the filter takes, in the
     * order they were projected, wherever their business dates put them in the timeline: a decision recorded today
     * for a meeting weeks ago is new too. Read along the projection time's index (V4), so a read finds the few new
     * lines without passing the rest; the filter is applied to those few here. Without {@code since}: no lines, only
     * the position to ask from.
     *
     * @param floor nothing projected at or before it is new (the last rebuild's switch-over: the rebuild wrote every
     *              line anew, none of them new to a page that was open); null for none
     */
    @Connectable
    public Views.NewLines projectedSince(TimelineFilter filter, Instant since, Instant floor) {
        Instant upTo = sql.one("SELECT MAX(projected_at) FROM timeline_entry", Sql.params(),
                rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).orElse(null);
        Instant position = upTo == null ? (since == null ? clock.instant() : since)
                : since != null && since.isAfter(upTo) ? since : upTo;
        Instant after = since == null ? null : floor != null && floor.isAfter(since.minus(LOOKBACK)) ? floor : since.minus(LOOKBACK);
        if (after == null || upTo == null || !upTo.isAfter(after)) {
            return new Views.NewLines(List.of(), position);
        }
        // A poll asks about the seconds since its last; a page read after a while (a start page after weeks away) about
        // more, and reads further back for its filter's lines, a chunk at a time.
        int checkUpTo = since.isBefore(upTo.minus(AN_ABSENCE)) ? NEW_LINES_READ_AFTER_AN_ABSENCE : NEW_LINES_READ;
        Predicate<Projected> taken = taking(filter);
        List<String> takenIds = new ArrayList<>();
        Projected last = null;
        for (int checked = 0; checked < checkUpTo && takenIds.size() < NEW_LINES_HANDED_OUT; ) {
            // Up to the position at first; then past the last line read, in the index's order.
            Sql.Binder values = last == null ? Sql.params(Timestamp.from(after), Timestamp.from(upTo), NEW_LINES_READ)
                    : Sql.params(Timestamp.from(after), last.projectedAt(), last.projectedAt(), last.eventId(), NEW_LINES_READ);
            List<Projected> found = sql.query("SELECT t.event_id, t.projected_at, t.announcement_id, t.offering_id, t.actor_org, t.kind, "
                    + "t.occurred_on FROM timeline_entry t FORCE INDEX (timeline_projected) WHERE t.projected_at > ? AND "
                    + (last == null ? "t.projected_at <= ?" : "(t.projected_at < ? OR (t.projected_at = ? AND t.event_id < ?))")
                    + " ORDER BY t.projected_at DESC, t.event_id DESC LIMIT ?", values, OverviewReads::projected);
            found.stream().filter(taken).limit(NEW_LINES_HANDED_OUT - takenIds.size()).forEach(p -> takenIds.add(p.eventId()));
            checked += found.size();
            if (found.size() < NEW_LINES_READ) {
                break;
            }
            last = found.get(found.size() - 1);
        }
        // In the order they were projected, the oldest first. (A switch-over in between writes the same lines anew.)
        Map<String, Views.TimelineLine> read = new HashMap<>();
        linesOf(takenIds, "").forEach(line -> read.put(line.eventId(), line));
        List<Views.TimelineLine> lines = new ArrayList<>(takenIds.stream().map(read::get).filter(java.util.Objects::nonNull).toList());
        Collections.reverse(lines);
        return new Views.NewLines(named(lines), position);
    }

    /** The timeline's filter as a check of one line, for the few a read of new lines finds. */
    private Predicate<Projected> taking(TimelineFilter filter) {
        Held in = filter.region() == null ? null : held(filter.region(), null);
        Held its = filter.institution() == null ? null : held(null, filter.institution());
        List<String> kinds = filter.kind() == null ? null : filter.kinds();
        return line -> (filter.announcementId() == null || filter.announcementId().equals(line.announcementId()))
                && (kinds == null || kinds.contains(line.kind()))
                && (filter.from() == null || !line.occurredOn().isBefore(filter.from()))
                && (filter.to() == null || !line.occurredOn().isAfter(filter.to()))
                && (in == null || in.holds(line.announcementId(), line.offeringId()))
                && (its == null || filter.institution().equals(line.actorOrganisation()) || its.holds(line.announcementId(), line.offeringId()));
    }

    /** Organisation names, plus the names of only those offerings this page's sentences mention. */
    private Map<String, String> namesFor(List<Views.TimelineLine> lines) {
        Map<String, String> names = names();
        List<String> offerings = new ArrayList<>();
        for (Views.TimelineLine line : lines) {
            Matcher m = PLACEHOLDER.matcher(line.textNl());
            while (m.find()) {
                if (m.group(1).equals("offering") && !offerings.contains(m.group(2))) {
                    offerings.add(m.group(2));
                }
            }
        }
        if (!offerings.isEmpty()) {
            sql.query("SELECT offering_id, institution_id, programme_name, form, location FROM overview_offering WHERE offering_id IN ("
                            + Sql.marks(offerings.size()) + ")", Sql.params(offerings.toArray()),
                    rs -> names.put("offering:" + rs.getString(1), names.getOrDefault(rs.getString(2), rs.getString(2)) + " "
                            + rs.getString(3) + " (" + rs.getString(4).toLowerCase() + (rs.getString(5) == null ? "" : ", " + rs.getString(5)) + ")"));
        }
        return names;
    }

    /** Puts current names in for {org:id} and {offering:id}; an unknown one shows its id. */
    private static String name(String sentence, Map<String, String> names) {
        Matcher matcher = PLACEHOLDER.matcher(sentence);
        StringBuilder named = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1).equals("org") ? matcher.group(2) : "offering:" + matcher.group(2);
            matcher.appendReplacement(named, Matcher.quoteReplacement(names.getOrDefault(key, matcher.group(2))));
        }
        matcher.appendTail(named);
        return named.toString();
    }

    // ---- status ---------------------------------------------------------------------------------

    /** Every applied event has one timeline line (it is the overview's dedupe mark). */
    @Transactional(readOnly = true)
    public long eventsProcessed() {
        return sql.one("SELECT COUNT(*) FROM timeline_entry", Sql.params(), rs -> rs.getLong(1)).orElse(0L);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> lastProcessed() {
        return sql.one("SELECT kind AS ce_type, projected_at AS processed_at FROM timeline_entry ORDER BY projected_at DESC LIMIT 1",
                Sql.params(), OverviewReads::row).orElse(Map.of());
    }


    private List<String> strings(String value) {
        return lists.of(value);
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        return row;
    }
}
