package nl.programmes.consultations.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.Consultation;
import nl.programmes.events.Actor;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.kit.persistence.JsonColumns;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.problem.StaleVersionException;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Consultations and their revisions. */
@Singleton
public class ConsultationRepository {

    private final Sql sql;
    private final JsonColumns json;

    public ConsultationRepository(JdbcOperations jdbc, ObjectMapper mapper) {
        this.sql = new Sql(jdbc);
        this.json = new JsonColumns(mapper);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Consultation c, Instant now) {
        sql.update("""
                INSERT INTO consultation (id, announcement_id, institution_id, consulted_org, kind, locations, forms,
                    dropped_locations, due_date, note, status, revision, positions, version, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(c.id().toString(), c.announcementId(),
                c.institutionId(), c.consultedOrganisationId(), c.kind().name(), json.write(c.locations()), forms(c.forms()),
                json.write(c.droppedLocations()), c.dueDate() == null ? null : Date.valueOf(c.dueDate()), c.note(),
                c.status().name(), c.revision(), json.write(c.positions()), c.version(), Timestamp.from(now)));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void update(Consultation c, int expectedVersion) {
        int updated = sql.update("""
                UPDATE consultation SET locations = ?, dropped_locations = ?, status = ?, revision = ?, positions = ?,
                    meeting_date = ?, summary = ?, agreements = ?, version = ? WHERE id = ? AND version = ?""",
                Sql.params(json.write(c.locations()), json.write(c.droppedLocations()), c.status().name(), c.revision(),
                        json.write(c.positions()), c.meetingDate() == null ? null : Date.valueOf(c.meetingDate()),
                        c.summary(), c.agreements(), c.version(), c.id().toString(), expectedVersion));
        if (updated != 1) {
            throw new StaleVersionException("Consultation " + c.id() + " is no longer at version " + expectedVersion);
        }
    }

    /** One recorded revision, kept whole: {@code recordedBy} is the user's id, {@code recordedByName} their name. */
    @Serdeable
    public record Revision(int revision, LocalDate meetingDate, String summary, String agreements,
                           List<LocationPosition> positions, String recordedBy, @Nullable String recordedByName,
                           Instant recordedAt) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordRevision(Consultation c, Actor recordedBy, Instant now) {
        sql.update("""
                INSERT INTO position_revision (consultation_id, revision, meeting_date, summary, agreements, positions,
                    recorded_by, recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(c.id().toString(),
                c.revision(), Date.valueOf(c.meetingDate()), c.summary(), c.agreements(),
                json.write(new ArrayList<>(c.positions().values())), recordedBy.userId(), recordedBy.displayName(),
                Timestamp.from(now)));
    }

    @Transactional
    public List<Revision> revisions(UUID id) {
        return sql.query("SELECT * FROM position_revision WHERE consultation_id = ? ORDER BY revision",
                Sql.params(id.toString()), rs -> new Revision(rs.getInt("revision"), rs.getDate("meeting_date").toLocalDate(),
                        rs.getString("summary"), rs.getString("agreements"),
                        json.read(rs.getString("positions"), Argument.listOf(LocationPosition.class)),
                        rs.getString("recorded_by"), rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant()));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Consultation> findForUpdate(UUID id) {
        return sql.one("SELECT * FROM consultation WHERE id = ? FOR UPDATE", Sql.params(id.toString()), this::map);
    }

    @Transactional
    public Optional<Consultation> find(UUID id) {
        return sql.one("SELECT * FROM consultation WHERE id = ?", Sql.params(id.toString()), this::map);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Consultation> openForAnnouncement(String announcementId) {
        return sql.query("SELECT * FROM consultation WHERE announcement_id = ? AND status = 'OPEN' FOR UPDATE",
                Sql.params(announcementId), this::map);
    }

    @Transactional
    public List<Consultation> list(String announcementId, String consultedOrganisation, String status) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (announcementId != null) {
            where.append(" AND announcement_id = ?");
            values.add(announcementId);
        }
        if (consultedOrganisation != null) {
            where.append(" AND consulted_org = ?");
            values.add(consultedOrganisation);
        }
        if (status != null) {
            where.append(" AND status = ?");
            values.add(status);
        }
        return sql.query("SELECT * FROM consultation" + where + " ORDER BY requested_at LIMIT 500",
                Sql.params(values.toArray()), this::map);
    }

    private Consultation map(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due_date");
        Date meeting = rs.getDate("meeting_date");
        Map<String, LocationPosition> positions = json.read(rs.getString("positions"),
                Argument.mapOf(String.class, LocationPosition.class));
        return new Consultation(UUID.fromString(rs.getString("id")), rs.getString("announcement_id"),
                rs.getString("institution_id"), rs.getString("consulted_org"), ConsultationKind.valueOf(rs.getString("kind")),
                json.read(rs.getString("locations"), Argument.listOf(String.class)), forms(rs.getString("forms")),
                json.read(rs.getString("dropped_locations"), Argument.listOf(String.class)),
                due == null ? null : due.toLocalDate(), rs.getString("note"),
                Consultation.Status.valueOf(rs.getString("status")), rs.getInt("revision"), positions,
                meeting == null ? null : meeting.toLocalDate(), rs.getString("summary"), rs.getString("agreements"),
                rs.getInt("version"));
    }

    static String forms(List<ProgrammeForm> forms) {
        return String.join(",", forms.stream().map(Enum::name).toList());
    }

    static List<ProgrammeForm> forms(String forms) {
        return forms == null || forms.isBlank() ? List.of()
                : Arrays.stream(forms.split(",")).map(ProgrammeForm::valueOf).toList();
    }
}
