package nl.programmes.announcements.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.announcements.domain.Discontinuation;
import nl.programmes.announcements.domain.IntakeFigure;
import nl.programmes.announcements.domain.Offering;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.offering.OfferingDiscontinued;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The offering register and its intake figures. */
@Singleton
public class OfferingRepository {

    private final Sql sql;

    public OfferingRepository(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Offering o, Instant now) {
        sql.update("""
                INSERT INTO offering (id, institution_id, programme_name, isat_code, crebo, level, form, location,
                    natural_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.params(o.id().toString(), o.institutionId(), o.programmeName(), o.isatCode(), o.crebo(),
                        o.level().name(), o.form().name(), o.location(), o.naturalKey(), Timestamp.from(now)));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Offering> findByNaturalKey(String naturalKey) {
        return sql.one("SELECT * FROM offering WHERE natural_key = ? FOR UPDATE", Sql.params(naturalKey), this::map);
    }

    @Transactional
    public Optional<Offering> findById(UUID id) {
        return sql.one("SELECT * FROM offering WHERE id = ?", Sql.params(id.toString()), this::map);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Offering> findByIdForUpdate(UUID id) {
        return sql.one("SELECT * FROM offering WHERE id = ? FOR UPDATE", Sql.params(id.toString()), this::map);
    }

    /**
     * Takes the offering out of the register. One registered in error gives up its natural key, so the offering that was
     * meant can be registered under it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void discontinue(UUID id, Discontinuation discontinuation, Instant now) {
        sql.update("""
                UPDATE offering SET discontinued_reason = ?, last_intake_year = ?, discontinued_at = ?,
                    natural_key = IF(? = 'REGISTERED_IN_ERROR', CONCAT(natural_key, '|registered-in-error|', id), natural_key)
                WHERE id = ?""", Sql.params(discontinuation.reason().name(), discontinuation.lastIntakeYear(),
                Timestamp.from(now), discontinuation.reason().name(), id.toString()));
    }

    /** An ended offering runs on: its ending is withdrawn (one registered in error never is; the service checks). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void resume(UUID id) {
        sql.update("UPDATE offering SET discontinued_reason = NULL, last_intake_year = NULL, discontinued_at = NULL WHERE id = ?",
                Sql.params(id.toString()));
    }

    /** The figure recorded for the year, if any. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<IntakeFigure> intake(UUID offeringId, int studyYear) {
        return sql.one("SELECT intake_count, suppressed FROM offering_intake WHERE offering_id = ? AND study_year = ? FOR UPDATE",
                Sql.params(offeringId.toString(), studyYear), OfferingRepository::figure);
    }

    @Transactional
    public Map<Integer, IntakeFigure> intakes(UUID offeringId) {
        return figures(offeringId, "");
    }

    /**
     * The figures recorded for an offering, locked as {@link #intake} locks one (the gaps too, so a figure for another
     * year cannot be recorded twice at the same moment either).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Map<Integer, IntakeFigure> intakesForUpdate(UUID offeringId) {
        return figures(offeringId, " FOR UPDATE");
    }

    private Map<Integer, IntakeFigure> figures(UUID offeringId, String locking) {
        Map<Integer, IntakeFigure> figures = new TreeMap<>();
        sql.query("SELECT study_year, intake_count, suppressed FROM offering_intake WHERE offering_id = ?" + locking,
                Sql.params(offeringId.toString()), rs -> figures.put(rs.getInt("study_year"), figure(rs)));
        return figures;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void saveIntake(UUID offeringId, int studyYear, IntakeFigure figure, Instant now) {
        sql.update("""
                INSERT INTO offering_intake (offering_id, study_year, intake_count, suppressed, reported_at)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE intake_count = VALUES(intake_count), suppressed = VALUES(suppressed),
                    reported_at = VALUES(reported_at)""",
                Sql.params(offeringId.toString(), studyYear, figure.count(), figure.suppressed(), Timestamp.from(now)));
    }

    private Offering map(ResultSet rs) throws SQLException {
        return new Offering(UUID.fromString(rs.getString("id")), rs.getString("institution_id"),
                rs.getString("programme_name"), rs.getString("isat_code"), rs.getString("crebo"),
                ProgrammeLevel.valueOf(rs.getString("level")), ProgrammeForm.valueOf(rs.getString("form")),
                rs.getString("location"), discontinuation(rs));
    }

    private static Discontinuation discontinuation(ResultSet rs) throws SQLException {
        String reason = rs.getString("discontinued_reason");
        int lastIntakeYear = rs.getInt("last_intake_year");
        return reason == null ? null
                : new Discontinuation(OfferingDiscontinued.Reason.valueOf(reason), rs.wasNull() ? null : lastIntakeYear);
    }

    private static IntakeFigure figure(ResultSet rs) throws SQLException {
        boolean suppressed = rs.getBoolean("suppressed");
        return new IntakeFigure(suppressed ? null : rs.getInt("intake_count"), suppressed);
    }
}
