package nl.programmes.overview.read;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.problem.NotFoundException;
import nl.programmes.kit.replica.OrganisationReplica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queries over the overview's read models. Joins happen here, so arrival order of events never matters. */
@Singleton
public class OverviewReads {

    public static final String REGION_UNKNOWN = "region unknown";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(org|offering):([^}]+)}");

    private final Sql sql;
    private final ObjectMapper json;
    private final StoredLists lists;
    private final Clock clock;
    private final OrganisationReplica organisations;
    private final ReadCache cache;
    private final RegionalSnapshot regional;

    public OverviewReads(JdbcOperations jdbc, ObjectMapper json, Clock clock, OrganisationReplica organisations, ReadCache cache,
                         RegionalSnapshot regional) {
        this.sql = new Sql(jdbc);
        this.json = json;
        this.lists = new StoredLists(json);
        this.clock = clock;
        this.organisations = organisations;
        this.cache = cache;
        this.regional = regional;
    }

    // ---- the objection matrix -------------------------------------------------------------------

    /**
     * The announcement and its consultations, positions and decisions in one statement, on a connection without a
     * transaction: one round trip instead of seven (four queries in a transaction), and one statement's read view,
     * so the parts always agree with each other. The rows
     * come as JSON arrays, each in the order the matrix shows them.
     */
    private static final String MATRIX = """
            SELECT a.*,
              (SELECT JSON_ARRAYAGG(JSON_OBJECT('consultationId', consultation_id, 'consultedOrg', consulted_org, 'kind', kind,
                        'scope', scope, 'dueDate', due_date, 'status', status, 'meetingDate', meeting_date, 'summary', summary,
                        'agreements', agreements) ORDER BY consulted_org, consultation_id)
                 FROM overview_consultation c WHERE c.announcement_id = a.announcement_id) AS consultations,
              (SELECT JSON_ARRAYAGG(JSON_OBJECT('consultationId', consultation_id, 'location', location, 'form', form,
                        'revision', revision, 'position', position, 'grounds', grounds, 'explanation', explanation,
                        'conditions', conditions, 'provisional', provisional, 'preferred', preferred, 'meetingDate', meeting_date)
                        ORDER BY consultation_id, location, form, revision)
                 FROM overview_position p WHERE p.announcement_id = a.announcement_id) AS positions,
              (SELECT JSON_ARRAYAGG(JSON_OBJECT('decisionId', decision_id, 'committeeId', committee_id, 'meetingDate', meeting_date,
                        'decision', decision, 'locations', locations, 'rationale', rationale, 'correctsId', corrects_id)
                        ORDER BY meeting_date, decision_id)
                 FROM overview_decision d WHERE d.announcement_id = a.announcement_id) AS decisions
            FROM announcement_overview a WHERE a.announcement_id = ?""";

    /** A consultation as the matrix statement gives it; {@code scope} is the stored JSON list, null until the request arrived. */
    @Serdeable.Deserializable
    record ConsultationRow(String consultationId, String consultedOrg, @Nullable String kind, @Nullable String scope,
                           @Nullable LocalDate dueDate, String status, @Nullable LocalDate meetingDate, @Nullable String summary,
                           @Nullable String agreements) {
    }

    /** One revision of a position; the flags come as 0 or 1, as MariaDB stores booleans. */
    @Serdeable.Deserializable
    record PositionRow(String consultationId, String location, String form, int revision, String position, String grounds,
                       @Nullable String explanation, @Nullable String conditions, int provisional, int preferred,
                       LocalDate meetingDate) {

        List<String> groundsList() {
            return grounds.isEmpty() ? List.of() : Arrays.asList(grounds.split(","));
        }
    }

    @Serdeable.Deserializable
    record DecisionRow(String decisionId, String committeeId, LocalDate meetingDate, String decision, String locations,
                       @Nullable String rationale, @Nullable String correctsId) {
    }

    @Connectable
    public Views.Matrix matrix(String announcementId) {
        Map<String, String> names = names();
        record Read(Map<String, Object> announcement, List<ConsultationRow> consultations, List<PositionRow> positions,
                    List<DecisionRow> decisions) {
        }
        Read read = sql.one(MATRIX, Sql.params(announcementId), rs -> new Read(row(rs),
                rows(rs.getString("consultations"), ConsultationRow.class), rows(rs.getString("positions"), PositionRow.class),
                rows(rs.getString("decisions"), DecisionRow.class))).orElseThrow(() -> new NotFoundException("Announcement", announcementId));
        Map<String, Object> a = read.announcement();
        List<String> locations = strings((String) a.get("candidate_locations"));
        List<String> dropped = strings((String) a.get("dropped_locations"));
        boolean decided = List.of("WITHDRAWN", "APPROVED", "REJECTED").contains((String) a.get("status"));

        Map<String, List<PositionRow>> positions = new LinkedHashMap<>();
        read.positions().forEach(p -> positions.computeIfAbsent(p.consultationId(), k -> new ArrayList<>()).add(p));

        LocalDate today = LocalDate.now(clock);
        List<Views.MatrixRow> rows = new ArrayList<>();
        List<Views.AwaitedPosition> awaiting = new ArrayList<>();
        for (ConsultationRow c : read.consultations()) {
            String id = c.consultationId();
            String org = c.consultedOrg();
            boolean open = "OPEN".equals(c.status()) && !decided;
            LocalDate due = c.dueDate();
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
                    boolean inScope = c.scope() == null || strings(c.scope()).contains(location);
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
            rows.add(new Views.MatrixRow(org, names.getOrDefault(org, org), id, c.kind(), open ? "OPEN" : "CLOSED", due, overdueRow,
                    c.meetingDate(), c.summary(), c.agreements(), cells, droppedCells));
        }

        Map<String, String> correctedBy = new HashMap<>();
        read.decisions().stream().filter(d -> d.correctsId() != null).forEach(d -> correctedBy.put(d.correctsId(), d.decisionId()));
        List<Views.DecisionView> decisions = read.decisions().stream().map(d -> new Views.DecisionView(d.decisionId(), d.committeeId(),
                names.getOrDefault(d.committeeId(), d.committeeId()), d.meetingDate(), d.decision(), strings(d.locations()),
                d.rationale(), d.correctsId(), correctedBy.get(d.decisionId()))).toList();

        String institution = (String) a.get("institution_id");
        return new Views.Matrix(announcementId, (String) a.get("reference"), institution, names.getOrDefault(institution, institution),
                (String) a.get("programme_name"), (String) a.get("level"), (String) a.get("isat_code"),
                Arrays.asList(((String) a.get("forms")).split(",")), (String) a.get("status"), (String) a.get("intended_start"),
                (String) a.get("announced_by"), locations, dropped, rows, awaiting, decisions);
    }

    /** The rows of one of the matrix statement's JSON arrays; SQL gives null, not an empty array, when there are none. */
    private <T> List<T> rows(String array, Class<T> type) {
        if (array == null) {
            return List.of();
        }
        try {
            return json.readValue(array, Argument.listOf(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Views.Cell cell(List<PositionRow> history) {
        PositionRow current = history.get(history.size() - 1);
        return new Views.Cell(current.location(), current.form().isEmpty() ? null : current.form(), current.position(),
                current.provisional() == 1, current.preferred() == 1, current.groundsList(), current.explanation(),
                current.conditions(), history.stream().map(p -> new Views.CellHistory(p.revision(), p.meetingDate(), p.position(),
                        p.provisional() == 1, p.preferred() == 1)).toList());
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

    /** Filters of a regional page; null means any. */
    public record RegionFilter(String level, String domain, String code, String institution, String status) {
    }

    public Views.Region region(String region, RegionFilter filter) {
        return region(regional.current(), region, filter);
    }

    /** The province a regional page's name stands for, in any case; an unknown name stands for itself. */
    public static String province(RegionalSnapshot.Regional all, String region) {
        return all.municipalities().keySet().stream().filter(region::equalsIgnoreCase).findFirst()
                .orElse(REGION_UNKNOWN.equalsIgnoreCase(region) ? REGION_UNKNOWN : region);
    }

    /** A regional page from one state of the regional data. */
    public static Views.Region region(RegionalSnapshot.Regional all, String region, RegionFilter filter) {
        String province = province(all, region);
        Map<String, List<Views.Offering>> existing = new TreeMap<>();
        Map<String, List<Views.Intended>> intended = new TreeMap<>();
        for (Views.Offering o : all.offeringsIn(province, filter.institution())) {
            if (matches(filter, o.level(), null, o.code(), o.institution(), null)) {
                existing.computeIfAbsent(o.location() == null ? "(no location)" : o.location(), k -> new ArrayList<>()).add(o);
            }
        }
        for (RegionalSnapshot.Placed placed : all.intendedIn(province, filter.institution())) {
            Views.Intended i = placed.programme();
            if (matches(filter, i.level(), i.domain(), i.code(), i.institution(), i.status())) {
                intended.computeIfAbsent(placed.location(), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> places = new ArrayList<>(existing.keySet());
        intended.keySet().stream().filter(p -> !places.contains(p)).forEach(places::add);
        places.sort(String::compareTo);
        List<Views.Municipality> municipalities = places.stream().map(p -> new Views.Municipality(p, all.labourMarket().get(p),
                existing.getOrDefault(p, List.of()), intended.getOrDefault(p, List.of()))).toList();
        Map<String, Views.Related> related = new TreeMap<>();
        existing.values().stream().flatMap(List::stream).filter(o -> o.code() != null).forEach(o -> related.computeIfAbsent(o.code(),
                code -> new Views.Related(code, new ArrayList<>(), new ArrayList<>())).existingOfferingIds().add(o.offeringId()));
        intended.values().stream().flatMap(List::stream).filter(i -> i.code() != null).distinct().forEach(i -> related.computeIfAbsent(
                i.code(), code -> new Views.Related(code, new ArrayList<>(), new ArrayList<>())).intendedAnnouncementIds().add(i.announcementId()));
        return new Views.Region(region, municipalities, List.copyOf(related.values()));
    }

    private static boolean matches(RegionFilter f, String level, String domain, String code, String institution, String status) {
        return (f.level() == null || f.level().equals(level)) && (f.domain() == null || f.domain().equals(domain))
                && (f.code() == null || f.code().equals(code)) && (f.institution() == null || f.institution().equals(institution))
                && (f.status() == null || f.status().equals(status));
    }

    // ---- the timeline ---------------------------------------------------------------------------

    /** Filters of the timeline; null means any. */
    public record TimelineFilter(String announcementId, String institution, String kind, LocalDate from, LocalDate to,
                                 String region) {
        public TimelineFilter(String announcementId, String institution, String kind, LocalDate from, LocalDate to) {
            this(announcementId, institution, kind, from, to, null);
        }
    }

    /**
     * A connection without a transaction: the page is one statement (plus, for offerings' events, their current
     * names), and a read-only transaction around it cost three more round trips (autocommit off, commit, autocommit on).
     */
    @Connectable
    public Views.TimelinePage timeline(TimelineFilter filter, boolean newestFirst, String cursor, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.announcementId() != null) {
            where.append(" AND t.announcement_id = ?");
            values.add(filter.announcementId());
        }
        if (filter.institution() != null) {
            where.append(" AND (a.institution_id = ? OR t.actor_org = ?)");
            values.add(filter.institution());
            values.add(filter.institution());
        }
        if (filter.region() != null) {
            // Announcements with a candidate location in the province; the list is small next to the timeline.
            RegionalSnapshot.Regional all = regional.current();
            List<String> ids = all.intended().entrySet().stream().filter(e -> filter.region().equalsIgnoreCase(e.getKey()))
                    .flatMap(e -> e.getValue().stream()).map(p -> p.programme().announcementId()).distinct().toList();
            if (ids.isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND t.announcement_id IN (").append(String.join(",", java.util.Collections.nCopies(ids.size(), "?")))
                        .append(")");
                values.addAll(ids);
            }
        }
        if (filter.kind() != null) {
            where.append(" AND t.kind LIKE ?");
            values.add("%" + filter.kind() + "%");
        }
        if (filter.from() != null) {
            where.append(" AND t.occurred_on >= ?");
            values.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND t.occurred_on <= ?");
            values.add(Date.valueOf(filter.to()));
        }
        if (cursor != null) {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            where.append(newestFirst ? " AND (t.occurred_on, t.recorded_at, t.event_id) < (?, ?, ?)"
                    : " AND (t.occurred_on, t.recorded_at, t.event_id) > (?, ?, ?)");
            values.add(Date.valueOf(LocalDate.parse(parts[0])));
            values.add(Timestamp.from(Instant.parse(parts[1])));
            values.add(parts[2]);
        }
        String order = newestFirst ? "DESC" : "ASC";
        values.add(size + 1);
        List<Views.TimelineLine> raw = sql.query("SELECT t.*, a.reference FROM timeline_entry t LEFT JOIN announcement_overview a "
                        + "ON a.announcement_id = t.announcement_id" + where + " ORDER BY t.occurred_on " + order + ", t.recorded_at "
                        + order + ", t.event_id " + order + " LIMIT ?", Sql.params(values.toArray()),
                rs -> new Views.TimelineLine(rs.getString("event_id"), rs.getDate("occurred_on").toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("announcement_id"), rs.getString("reference"),
                        rs.getString("kind"), rs.getString("actor_user"), rs.getString("actor_org"), rs.getString("actor_org"),
                        rs.getString("sentence_nl"), rs.getString("sentence_en")));
        Map<String, String> names = namesFor(raw);
        List<Views.TimelineLine> lines = raw.stream().map(l -> new Views.TimelineLine(l.eventId(), l.occurredOn(), l.recordedAt(),
                l.announcementId(), l.reference(), l.kind(), l.actor(), l.actorOrganisation(),
                names.getOrDefault(l.actorOrganisation(), l.actorOrganisation()), name(l.textNl(), names), name(l.textEn(), names)))
                .toList();
        String next = null;
        if (lines.size() > size) {
            Views.TimelineLine last = lines.get(size - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.occurredOn() + "|" + last.recordedAt() + "|"
                    + last.eventId()).getBytes(StandardCharsets.UTF_8));
            lines = lines.subList(0, size);
        }
        return new Views.TimelinePage(lines, next);
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
                            + String.join(",", java.util.Collections.nCopies(offerings.size(), "?")) + ")", Sql.params(offerings.toArray()),
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
