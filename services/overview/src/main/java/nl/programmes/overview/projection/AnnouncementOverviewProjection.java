package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.kit.inbox.InboundEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.stream.Collectors;

/**
 * The read model {@code announcement_overview}: one handler per event type, each an idempotent
 * upsert keyed by the announcement id. Runs inside the transaction that records the event as processed.
 */
@Singleton
public class AnnouncementOverviewProjection {

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    public AnnouncementOverviewProjection(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void on(InboundEvent event) {
        if (event.body() instanceof ProgrammeAnnounced announced) {
            programmeAnnounced(announced, event);
        }
    }

    void programmeAnnounced(ProgrammeAnnounced announced, InboundEvent event) {
        jdbc.prepareStatement("""
                INSERT INTO announcement_overview (announcement_id, reference, institution_id, programme_name, level,
                    isat_code, crebo, forms, candidate_locations, intended_start, status, announced_at, announced_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ANNOUNCED', ?, ?)
                ON DUPLICATE KEY UPDATE reference = VALUES(reference), institution_id = VALUES(institution_id),
                    programme_name = VALUES(programme_name), level = VALUES(level), isat_code = VALUES(isat_code),
                    crebo = VALUES(crebo), forms = VALUES(forms), candidate_locations = VALUES(candidate_locations),
                    intended_start = VALUES(intended_start), announced_at = VALUES(announced_at),
                    announced_by = VALUES(announced_by)""", statement -> {
            try {
                statement.setString(1, announced.announcementId());
                statement.setString(2, announced.reference());
                statement.setString(3, announced.institutionId());
                statement.setString(4, announced.programme().name());
                statement.setString(5, announced.programme().level().name());
                statement.setString(6, announced.programme().isatCode());
                statement.setString(7, announced.programme().crebo());
                statement.setString(8, announced.programme().forms().stream().map(ProgrammeForm::name)
                        .collect(Collectors.joining(",")));
                statement.setString(9, json.writeValueAsString(announced.candidateLocations()));
                statement.setString(10, announced.intendedStart());
                statement.setTimestamp(11, Timestamp.from(event.envelope().time()));
                statement.setString(12, announced.actor().organisationId());
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not project " + event.envelope().id(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
