package nl.programmes.announcements.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.JsonColumns;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.announcements.domain.AnnouncementStatus;
import nl.programmes.announcements.domain.ReviewOutcome;
import nl.programmes.announcements.domain.SubmittedApplication;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventTypes;
import nl.programmes.events.announcement.LabourMarketEvidence;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.kit.problem.StaleVersionException;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The announcement table and its history. */
@Singleton
public class AnnouncementRepository {

    private final Sql sql;
    private final JsonColumns json;

    public AnnouncementRepository(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = new JsonColumns(json);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Announcement a, Instant now) {
        sql.update("""
                INSERT INTO announcement (id, institution_id, reference, programme_name, level, programme_json,
                    candidate_locations_json, intended_start, capacity_limit, summary, labour_market_evidence_json,
                    status, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(a.id().toString(), a.institutionId(),
                a.reference(), a.programme().name(), a.programme().level().name(), json.write(a.programme()),
                json.write(a.candidateLocations()), a.intendedStart().toString(), a.capacityLimit(), a.summary(),
                a.labourMarketEvidence() == null ? null : json.write(a.labourMarketEvidence()), a.status().name(),
                a.version(), Timestamp.from(now), Timestamp.from(now)));
    }

    /**
     * Writes the new state if the stored version is still the one it was derived from.
     *
     * @throws StaleVersionException when someone else changed the announcement in between
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void update(Announcement a, int expectedVersion, Instant now) {
        SubmittedApplication application = a.application();
        ReviewOutcome review = a.reviewOutcome();
        int updated = sql.update("""
                UPDATE announcement SET programme_name = ?, programme_json = ?, candidate_locations_json = ?,
                    intended_start = ?, capacity_limit = ?, summary = ?, labour_market_evidence_json = ?, status = ?,
                    submitted_on = ?, advice = ?, advice_date = ?, decision = ?, decision_date = ?,
                    withdrawal_reason = ?, version = ?, updated_at = ?
                WHERE id = ? AND version = ?""", Sql.params(a.programme().name(), json.write(a.programme()),
                json.write(a.candidateLocations()), a.intendedStart().toString(), a.capacityLimit(), a.summary(),
                a.labourMarketEvidence() == null ? null : json.write(a.labourMarketEvidence()), a.status().name(),
                application == null ? null : Date.valueOf(application.submittedOn()),
                review == null ? null : review.advice().name(),
                review == null || review.adviceDate() == null ? null : Date.valueOf(review.adviceDate()),
                review == null ? null : review.decision().name(),
                review == null ? null : Date.valueOf(review.decisionDate()),
                a.withdrawalReason(), a.version(), Timestamp.from(now), a.id().toString(), expectedVersion));
        if (updated != 1) {
            throw new StaleVersionException("Announcement " + a.id() + " is no longer at version " + expectedVersion);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordHistory(DomainEvent event, int version, Instant at) {
        sql.update("""
                INSERT INTO announcement_history (announcement_id, version, event_type, occurred_at, actor_user,
                    actor_org, event_json) VALUES (?, ?, ?, ?, ?, ?, ?)""", Sql.params(event.subject(), version,
                EventTypes.of(event.getClass()).ceType(), Timestamp.from(at), event.actor().userId(),
                event.actor().organisationId(), json.write(event)));
    }

    /** Reads the announcement, locking its row until the transaction ends so commands on it queue up. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Announcement> findForUpdate(UUID id) {
        return sql.one("SELECT * FROM announcement WHERE id = ? FOR UPDATE", Sql.params(id.toString()), this::map);
    }

    @Transactional(readOnly = true)
    public Optional<Announcement> findById(UUID id) {
        return sql.one("SELECT * FROM announcement WHERE id = ?", Sql.params(id.toString()), this::map);
    }

    /** Filters for {@link #list}; null means "any". */
    /** {@code search}: words of the programme's name, or the reference (A24-056), in any case; null for any. */
    public record Filter(String institutionId, AnnouncementStatus status, String level, String location,
                         Integer startYear, String search) {
    }

    public record Page(List<Announcement> items, long total) {
    }

    @Transactional(readOnly = true)
    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.institutionId() != null) {
            where.append(" AND institution_id = ?");
            values.add(filter.institutionId());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            values.add(filter.status().name());
        }
        if (filter.level() != null) {
            where.append(" AND level = ?");
            values.add(filter.level());
        }
        if (filter.location() != null) {
            where.append(" AND JSON_CONTAINS(candidate_locations_json, ?)");
            values.add(json.write(filter.location()));
        }
        if (filter.startYear() != null) {
            where.append(" AND intended_start LIKE ?");
            values.add(filter.startYear() + "-%");
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            // The columns' collation compares in any case; a % or _ typed is looked for as itself.
            String typed = filter.search().strip();
            where.append(" AND (reference = ? OR programme_name LIKE ?)");
            values.add(typed);
            values.add("%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = sql.one("SELECT COUNT(*) FROM announcement" + where, Sql.params(values.toArray()),
                rs -> rs.getLong(1)).orElse(0L);
        List<Object> paged = new ArrayList<>(values);
        paged.add(size);
        paged.add((long) page * size);
        List<Announcement> items = sql.query("SELECT * FROM announcement" + where
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", Sql.params(paged.toArray()), this::map);
        return new Page(items, total);
    }

    /** One fact in an announcement's life, as recorded; {@code actorName} is who acted as people know them. */
    @io.micronaut.serde.annotation.Serdeable
    public record HistoryEntry(int version, String type, Instant occurredAt, String actorUser, @Nullable String actorName,
                               String actorOrganisation, Map<String, Object> event) {
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id) {
        return sql.query("SELECT * FROM announcement_history WHERE announcement_id = ? ORDER BY version",
                Sql.params(id.toString()), rs -> {
                    Map<String, Object> event = json.read(rs.getString("event_json"), Argument.mapOf(String.class, Object.class));
                    // The event holds its actor whole, name included; the columns beside it only what lists filter on.
                    Object name = event.get("actor") instanceof Map<?, ?> actor ? actor.get("displayName") : null;
                    return new HistoryEntry(rs.getInt("version"), rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor_user"), name instanceof String text ? text : null, rs.getString("actor_org"), event);
                });
    }

    private Announcement map(ResultSet rs) throws SQLException {
        Integer capacity = rs.getObject("capacity_limit") == null ? null : rs.getInt("capacity_limit");
        String evidence = rs.getString("labour_market_evidence_json");
        Programme programme = json.read(rs.getString("programme_json"), Argument.of(Programme.class));
        List<String> locations = json.read(rs.getString("candidate_locations_json"), Argument.listOf(String.class));
        Date submittedOn = rs.getDate("submitted_on");
        SubmittedApplication application = submittedOn == null ? null
                : new SubmittedApplication(submittedOn.toLocalDate(), locations, programme.forms());
        String decision = rs.getString("decision");
        ReviewOutcome review = decision == null ? null : new ReviewOutcome(
                ReviewOutcomeRecorded.Advice.valueOf(rs.getString("advice")),
                rs.getDate("advice_date") == null ? null : rs.getDate("advice_date").toLocalDate(),
                ReviewOutcomeRecorded.MinisterDecision.valueOf(decision), rs.getDate("decision_date").toLocalDate());
        return new Announcement(UUID.fromString(rs.getString("id")), rs.getString("reference"),
                rs.getString("institution_id"), programme, locations, YearMonth.parse(rs.getString("intended_start")),
                capacity, rs.getString("summary"),
                evidence == null ? null : json.read(evidence, Argument.of(LabourMarketEvidence.class)),
                AnnouncementStatus.valueOf(rs.getString("status")), application, review,
                rs.getString("withdrawal_reason"), rs.getInt("version"));
    }


}
