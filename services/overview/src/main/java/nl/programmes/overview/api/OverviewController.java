package nl.programmes.overview.api;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import nl.programmes.kit.problem.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/** The overview's read API. */
@Controller("/api/overview")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewController {

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    public OverviewController(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Get("/announcements/{id}")
    @Transactional(readOnly = true)
    public AnnouncementOverview announcement(UUID id) {
        return jdbc.prepareStatement("SELECT * FROM announcement_overview WHERE announcement_id = ?", statement -> {
            try {
                statement.setString(1, id.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("Announcement", id);
                    }
                    return new AnnouncementOverview(rs.getString("announcement_id"), rs.getString("reference"),
                            rs.getString("institution_id"), rs.getString("programme_name"), rs.getString("level"),
                            rs.getString("isat_code"), rs.getString("crebo"),
                            Arrays.asList(rs.getString("forms").split(",")),
                            json.readValue(rs.getString("candidate_locations"), Argument.listOf(String.class)),
                            rs.getString("intended_start"), rs.getString("status"),
                            rs.getTimestamp("announced_at").toInstant(), rs.getString("announced_by"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
