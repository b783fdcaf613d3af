package nl.programmes.announcements.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.announcements.domain.AnnouncementStatus;
import nl.programmes.events.announcement.Programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The announcement table. */
@Singleton
public class AnnouncementRepository {

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    public AnnouncementRepository(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Announcement announcement, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO announcement (id, institution_id, reference, programme_name, level, programme_json,
                    candidate_locations_json, intended_start, capacity_limit, summary, status, version,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            try {
                statement.setString(1, announcement.id().toString());
                statement.setString(2, announcement.institutionId());
                statement.setString(3, announcement.reference());
                statement.setString(4, announcement.programme().name());
                statement.setString(5, announcement.programme().level().name());
                statement.setString(6, write(announcement.programme()));
                statement.setString(7, write(announcement.candidateLocations()));
                statement.setString(8, announcement.intendedStart().toString());
                statement.setObject(9, announcement.capacityLimit());
                statement.setString(10, announcement.summary());
                statement.setString(11, announcement.status().name());
                statement.setInt(12, announcement.version());
                statement.setTimestamp(13, Timestamp.from(now));
                statement.setTimestamp(14, Timestamp.from(now));
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });
    }

    @Transactional(readOnly = true)
    public Optional<Announcement> findById(UUID id) {
        return jdbc.prepareStatement("SELECT * FROM announcement WHERE id = ?", statement -> {
            try {
                statement.setString(1, id.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean referenceTaken(String institutionId, String reference) {
        return jdbc.prepareStatement("SELECT 1 FROM announcement WHERE institution_id = ? AND reference = ?",
                statement -> {
                    try {
                        statement.setString(1, institutionId);
                        statement.setString(2, reference);
                        try (ResultSet rs = statement.executeQuery()) {
                            return rs.next();
                        }
                    } catch (SQLException e) {
                        throw new PersistenceException(e);
                    }
                });
    }

    private Announcement map(ResultSet rs) throws SQLException {
        Integer capacity = rs.getObject("capacity_limit") == null ? null : rs.getInt("capacity_limit");
        return new Announcement(UUID.fromString(rs.getString("id")), rs.getString("reference"),
                rs.getString("institution_id"), read(rs.getString("programme_json"), Argument.of(Programme.class)),
                read(rs.getString("candidate_locations_json"), Argument.listOf(String.class)),
                YearMonth.parse(rs.getString("intended_start")), capacity, rs.getString("summary"),
                AnnouncementStatus.valueOf(rs.getString("status")), rs.getInt("version"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Argument<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database failure; nothing of the command was written. */
    public static class PersistenceException extends RuntimeException {
        PersistenceException(SQLException cause) {
            super(cause);
        }

        public boolean isDuplicateKey() {
            return getCause() instanceof java.sql.SQLIntegrityConstraintViolationException;
        }
    }

}
