package nl.programmes.consultations.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.consultations.domain.AnnouncementReplica;
import nl.programmes.kit.persistence.JsonColumns;
import nl.programmes.kit.persistence.Sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local replica of announcements, and events waiting for their announcement. */
@Singleton
public class ReplicaRepository {

    private final Sql sql;
    private final JsonColumns json;

    public ReplicaRepository(JdbcOperations jdbc, ObjectMapper mapper) {
        this.sql = new Sql(jdbc);
        this.json = new JsonColumns(mapper);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsert(AnnouncementReplica a) {
        sql.update("""
                INSERT INTO announcement_replica (id, institution_id, reference, programme_name, candidate_locations, forms,
                    status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE institution_id = VALUES(institution_id), reference = VALUES(reference),
                    programme_name = VALUES(programme_name), candidate_locations = VALUES(candidate_locations),
                    forms = VALUES(forms), status = VALUES(status), version = VALUES(version)""",
                Sql.params(a.id(), a.institutionId(), a.reference(), a.programmeName(), json.write(a.candidateLocations()),
                        ConsultationRepository.forms(a.forms()), a.status(), a.version()));
    }

    @Transactional
    public Optional<AnnouncementReplica> announcement(String id) {
        return sql.one("SELECT * FROM announcement_replica WHERE id = ?", Sql.params(id), rs -> new AnnouncementReplica(
                rs.getString("id"), rs.getString("institution_id"), rs.getString("reference"), rs.getString("programme_name"),
                json.read(rs.getString("candidate_locations"), Argument.listOf(String.class)),
                ConsultationRepository.forms(rs.getString("forms")), rs.getString("status"), rs.getInt("version")));
    }



    /** An event kept until its announcement arrives. */
    public record Pending(String eventId, String ceType, String payload) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void park(String eventId, String announcementId, String ceType, String payload, Instant now) {
        sql.update("""
                INSERT IGNORE INTO pending_announcement_event (event_id, announcement_id, ce_type, payload, received_at)
                VALUES (?, ?, ?, ?, ?)""", Sql.params(eventId, announcementId, ceType, payload, Timestamp.from(now)));
    }

    /** Takes the waiting events of the announcement, oldest first, and forgets them. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Pending> takePending(String announcementId) {
        List<Pending> pending = sql.query("""
                SELECT event_id, ce_type, payload FROM pending_announcement_event WHERE announcement_id = ?
                ORDER BY received_at, event_id FOR UPDATE""", Sql.params(announcementId),
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3)));
        sql.update("DELETE FROM pending_announcement_event WHERE announcement_id = ?", Sql.params(announcementId));
        return pending;
    }
}
