package nl.programmes.steering.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.steering.ObjectionReference;
import nl.programmes.kit.persistence.JsonColumns;
import nl.programmes.kit.persistence.Sql;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decisions, meetings and the replicas the rules are checked against. */
@Singleton
public class SteeringRepository {

    private final Sql sql;
    private final JsonColumns json;

    public SteeringRepository(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = new JsonColumns(json);
    }

    /** A decision as stored and shown. */
    @Serdeable
    public record DecisionRow(String id, String committeeId, String announcementId, LocalDate meetingDate, String decision,
                              List<String> locations, @Nullable String rationale, List<ObjectionReference> rulesOn,
                              @Nullable String corrects, @Nullable String correctedBy, @Nullable String meetingId,
                              String recordedBy, Instant recordedAt, @Nullable String reference, @Nullable String programmeName) {
    }

    /**
     * A meeting. {@code agenda} holds its items as its event does: announcements by their ids (a meeting recorded before
     * agenda lines were checked may hold other text); {@code agendaItems} the same with each announcement's reference
     * and programme, as people name them.
     */
    @Serdeable
    public record MeetingRow(String id, String committeeId, LocalDate meetingDate, List<String> agenda,
                             @Nullable String minutes, List<String> decisionIds, List<MeetingItem> agendaItems) {
    }

    /**
     * An item of a meeting's agenda as recorded; where it is an announcement this service knows, that announcement's id,
     * reference and programme (all null for an older meeting's line of text).
     */
    @Serdeable
    public record MeetingItem(String item, @Nullable String announcementId, @Nullable String reference, @Nullable String programmeName) {
    }

    /** The announcement an agenda item names: by its id, or by a reference only one announcement has. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> announcementNamed(String item) {
        List<String> ids = sql.query("SELECT id FROM announcement_replica WHERE id = ? UNION SELECT id FROM announcement_replica "
                + "WHERE reference = ?", Sql.params(item, item), rs -> rs.getString(1));
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** Decisions are read with their announcement's reference and programme, as the pages name them. */
    private static final String DECISIONS = "SELECT d.*, a.reference AS announcement_reference, a.programme_name AS announcement_programme "
            + "FROM steering_decision d LEFT JOIN announcement_replica a ON a.id = d.announcement_id";

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(DecisionRow d) {
        sql.update("""
                INSERT INTO steering_decision (id, committee_id, announcement_id, meeting_date, decision, locations, rationale,
                    rules_on, corrects_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.params(d.id(), d.committeeId(), d.announcementId(), Date.valueOf(d.meetingDate()), d.decision(),
                        json.write(d.locations()), d.rationale(), json.write(d.rulesOn()), d.corrects(), d.recordedBy(),
                        Timestamp.from(d.recordedAt())));
        if (d.corrects() != null) {
            sql.update("UPDATE steering_decision SET corrected_by_id = ? WHERE id = ?", Sql.params(d.id(), d.corrects()));
        }
    }

    @Transactional
    public Optional<DecisionRow> decision(String id) {
        return sql.one(DECISIONS + " WHERE d.id = ?", Sql.params(id), this::decision);
    }

    @Transactional
    public List<DecisionRow> decisions(String announcementId, String committeeId, String meetingId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (announcementId != null) {
            where.append(" AND d.announcement_id = ?");
            values.add(announcementId);
        }
        if (committeeId != null) {
            where.append(" AND d.committee_id = ?");
            values.add(committeeId);
        }
        if (meetingId != null) {
            where.append(" AND d.meeting_id = ?");
            values.add(meetingId);
        }
        return sql.query(DECISIONS + where + " ORDER BY d.meeting_date, d.recorded_at LIMIT 500",
                Sql.params(values.toArray()), this::decision);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(MeetingRow m, Instant now) {
        sql.update("""
                INSERT INTO steering_meeting (id, committee_id, meeting_date, agenda, minutes, decision_ids, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", Sql.params(m.id(), m.committeeId(), Date.valueOf(m.meetingDate()),
                json.write(m.agenda()), m.minutes(), json.write(m.decisionIds()), Timestamp.from(now)));
        for (String decisionId : m.decisionIds()) {
            sql.update("UPDATE steering_decision SET meeting_id = ? WHERE id = ?", Sql.params(m.id(), decisionId));
        }
    }

    @Transactional
    public Optional<MeetingRow> meeting(String id) {
        return sql.one("SELECT * FROM steering_meeting WHERE id = ?", Sql.params(id), this::meetingRow)
                .map(m -> labelled(List.of(m)).get(0));
    }

    /** A committee's meetings, latest first. */
    @Transactional
    public List<MeetingRow> meetings(String committeeId) {
        return labelled(sql.query("SELECT * FROM steering_meeting WHERE committee_id = ? ORDER BY meeting_date DESC, recorded_at DESC LIMIT 200",
                Sql.params(committeeId), this::meetingRow));
    }

    private MeetingRow meetingRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MeetingRow(rs.getString("id"), rs.getString("committee_id"), rs.getDate("meeting_date").toLocalDate(),
                json.read(rs.getString("agenda"), Argument.listOf(String.class)), rs.getString("minutes"),
                json.read(rs.getString("decision_ids"), Argument.listOf(String.class)), List.of());
    }

    /** The meetings with their agendas' references and programmes, read in one query for all of them. */
    private List<MeetingRow> labelled(List<MeetingRow> meetings) {
        List<String> ids = meetings.stream().flatMap(m -> m.agenda().stream()).distinct().toList();
        java.util.Map<String, MeetingItem> known = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            sql.query("SELECT id, reference, programme_name FROM announcement_replica WHERE id IN (" + Sql.marks(ids.size()) + ")",
                    Sql.params(ids.toArray()), rs -> new MeetingItem(rs.getString(1), rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(item -> known.put(item.item(), item));
        }
        return meetings.stream().map(m -> new MeetingRow(m.id(), m.committeeId(), m.meetingDate(), m.agenda(), m.minutes(),
                m.decisionIds(), m.agenda().stream().map(item -> known.getOrDefault(item, new MeetingItem(item, null, null, null))).toList()))
                .toList();
    }

    // --- replicas ---------------------------------------------------------------------------

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsertAnnouncement(String id, String institutionId, String reference, String name, List<String> candidates,
                                   String status, int version) {
        sql.update("""
                INSERT INTO announcement_replica (id, institution_id, reference, programme_name, candidate_locations, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE candidate_locations = IF(VALUES(version) > version, VALUES(candidate_locations), candidate_locations),
                    status = IF(VALUES(version) > version, VALUES(status), status), version = GREATEST(version, VALUES(version))""",
                Sql.params(id, institutionId, reference, name, json.write(candidates), status, version));
    }

    /** Candidate locations and status of a known announcement. */
    public record AnnouncementFacts(String reference, String programmeName, List<String> candidateLocations, String status,
                                    int version) {
    }

    @Transactional
    public Optional<AnnouncementFacts> announcement(String id) {
        return sql.one("SELECT * FROM announcement_replica WHERE id = ?", Sql.params(id), rs -> new AnnouncementFacts(
                rs.getString("reference"), rs.getString("programme_name"),
                json.read(rs.getString("candidate_locations"), Argument.listOf(String.class)), rs.getString("status"),
                rs.getInt("version")));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsertPosition(String consultationId, String location, String form, String announcementId, String consultedOrg,
                               String position, boolean provisional, int revision) {
        sql.update("""
                INSERT INTO position_replica (consultation_id, location, form, announcement_id, consulted_org, position,
                    provisional, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE position = IF(VALUES(revision) >= revision, VALUES(position), position),
                    provisional = IF(VALUES(revision) >= revision, VALUES(provisional), provisional),
                    revision = GREATEST(revision, VALUES(revision))""",
                Sql.params(consultationId, location, form == null ? "" : form, announcementId, consultedOrg, position,
                        provisional, revision));
    }

    @Transactional
    public boolean objectionExists(String announcementId, ObjectionReference reference) {
        return sql.one("""
                SELECT 1 FROM position_replica WHERE announcement_id = ? AND consultation_id = ? AND location = ?
                    AND form = ? AND position = 'OBJECTION'""", Sql.params(announcementId, reference.consultationId(),
                reference.location(), reference.form() == null ? "" : reference.form().name()), rs -> true).isPresent();
    }

    /**
     * An announcement on a committee's agenda: open objections it has not decided on yet. {@code provisionallyObjecting}:
     * the organisations whose every objection here is provisional ("for now"), ones a committee may ask again first.
     */
    @Serdeable
    public record AgendaItem(String announcementId, String reference, String programmeName, List<String> objectingOrganisations,
                             List<String> locationsObjectedTo, List<String> provisionallyObjecting) {
    }

    @Transactional
    public List<AgendaItem> agenda(String committeeId) {
        List<Object[]> rows = sql.query("""
                SELECT a.id, a.reference, a.programme_name, a.candidate_locations, p.consulted_org, p.location, p.provisional
                FROM announcement_replica a JOIN position_replica p ON p.announcement_id = a.id
                WHERE p.position = 'OBJECTION' AND a.status IN ('ANNOUNCED', 'SUBMITTED')
                  AND NOT EXISTS (SELECT 1 FROM steering_decision d WHERE d.announcement_id = a.id
                                  AND d.committee_id = ? AND d.corrected_by_id IS NULL)
                ORDER BY a.reference, p.location""", Sql.params(committeeId), rs -> new Object[]{rs.getString(1),
                rs.getString(2), rs.getString(3), json.read(rs.getString(4), Argument.listOf(String.class)), rs.getString(5),
                rs.getString(6), rs.getBoolean(7)});
        java.util.Map<String, AgendaItem> items = new java.util.LinkedHashMap<>();
        java.util.Set<String> firm = new java.util.HashSet<>(); // announcement id + organisation with an objection not provisional
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<String> candidates = (List<String>) row[3];
            if (!candidates.contains((String) row[5])) {
                continue;
            }
            AgendaItem item = items.computeIfAbsent((String) row[0], id -> new AgendaItem(id, (String) row[1], (String) row[2],
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            if (!item.objectingOrganisations().contains((String) row[4])) {
                item.objectingOrganisations().add((String) row[4]);
            }
            if (!(Boolean) row[6]) {
                firm.add(row[0] + " " + row[4]);
            }
            if (!item.locationsObjectedTo().contains((String) row[5])) {
                item.locationsObjectedTo().add((String) row[5]);
            }
        }
        items.values().forEach(item -> item.objectingOrganisations().stream()
                .filter(organisation -> !firm.contains(item.announcementId() + " " + organisation))
                .forEach(item.provisionallyObjecting()::add));
        return List.copyOf(items.values());
    }



    private DecisionRow decision(ResultSet rs) throws SQLException {
        return new DecisionRow(rs.getString("id"), rs.getString("committee_id"), rs.getString("announcement_id"),
                rs.getDate("meeting_date").toLocalDate(), rs.getString("decision"),
                json.read(rs.getString("locations"), Argument.listOf(String.class)), rs.getString("rationale"),
                json.read(rs.getString("rules_on"), Argument.listOf(ObjectionReference.class)), rs.getString("corrects_id"),
                rs.getString("corrected_by_id"), rs.getString("meeting_id"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("announcement_reference"), rs.getString("announcement_programme"));
    }


}
