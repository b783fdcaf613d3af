package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.persistence.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The read model {@code announcement_overview}: one handler per event type, each an idempotent
 * upsert keyed by the announcement id. Runs inside the transaction that records the event as processed.
 */
@Singleton
public class AnnouncementOverviewProjection {

    private final Sql sql;
    private final ObjectMapper json;

    public AnnouncementOverviewProjection(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = json;
    }

    public void on(InboundEvent event) {
        // The announcement id is the key of every row here; the other handlers only move it forward.
        if (event.body() instanceof ProgrammeAnnounced announced) {
            programmeAnnounced(announced, event);
        } else if (event.body() instanceof AnnouncementAmended amended) {
            announcementAmended(amended);
        } else if (event.body() instanceof AnnouncementWithdrawn withdrawn) {
            statusChanged(withdrawn.announcementId(), withdrawn.version(), "WITHDRAWN");
        } else if (event.body() instanceof ApplicationSubmitted submitted) {
            applicationSubmitted(submitted);
        } else if (event.body() instanceof ReviewOutcomeRecorded outcome) {
            statusChanged(outcome.announcementId(), outcome.version(), outcome.decision().name());
        }
    }

    void announcementAmended(AnnouncementAmended amended) {
        StringBuilder set = new StringBuilder("version = ?");
        List<Object> values = new ArrayList<>(List.of(amended.version()));
        if (amended.programmeName() != null) {
            set.append(", programme_name = ?");
            values.add(amended.programmeName().after());
        }
        if (amended.forms() != null) {
            set.append(", forms = ?");
            values.add(forms(amended.forms().after()));
        }
        if (amended.candidateLocations() != null) {
            set.append(", candidate_locations = ?, dropped_locations = ?");
            values.add(write(amended.candidateLocations().after()));
            values.add(write(dropped(amended.announcementId(), amended.candidateLocations().after())));
        }
        if (amended.intendedStart() != null) {
            set.append(", intended_start = ?");
            values.add(amended.intendedStart().after());
        }
        values.add(amended.announcementId());
        values.add(amended.version());
        update("UPDATE announcement_overview SET " + set + " WHERE announcement_id = ? AND version < ?", values);
    }

    void applicationSubmitted(ApplicationSubmitted submitted) {
        update("""
                UPDATE announcement_overview SET status = 'SUBMITTED', candidate_locations = ?, dropped_locations = ?,
                    forms = ?, version = ? WHERE announcement_id = ? AND version < ?""", List.of(write(submitted.locations()),
                write(dropped(submitted.announcementId(), submitted.locations())), forms(submitted.forms()),
                submitted.version(), submitted.announcementId(), submitted.version()));
    }

    void statusChanged(String announcementId, int version, String status) {
        update("UPDATE announcement_overview SET status = ?, version = ? WHERE announcement_id = ? AND version < ?",
                List.of(status, version, announcementId, version));
    }

    /** Locations that were candidates and are no longer: shown as dropped, never silently removed. */
    private List<String> dropped(String announcementId, List<String> nowCandidates) {
        List<String> dropped = new ArrayList<>();
        // A read in the middle of a poll: the Sql helper sends the poll's queued writes first.
        sql.one("SELECT candidate_locations, dropped_locations FROM announcement_overview WHERE announcement_id = ?",
                Sql.params(announcementId), rs -> List.of(rs.getString("dropped_locations"), rs.getString("candidate_locations")))
                .ifPresent(columns -> columns.forEach(column -> {
                    for (String location : read(column)) {
                        if (!nowCandidates.contains(location) && !dropped.contains(location)) {
                            dropped.add(location);
                        }
                    }
                }));
        return dropped;
    }

    private List<String> read(String json) {
        try {
            return this.json.readValue(json, io.micronaut.core.type.Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void update(String statement, List<Object> values) {
        sql.update(statement, Sql.params(values.toArray()));
    }

    private static String forms(List<ProgrammeForm> forms) {
        return forms.stream().map(ProgrammeForm::name).collect(Collectors.joining(","));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void programmeAnnounced(ProgrammeAnnounced announced, InboundEvent event) {
        sql.update("""
                INSERT INTO announcement_overview (announcement_id, reference, institution_id, programme_name, level,
                    isat_code, crebo, forms, candidate_locations, intended_start, status, announced_at, announced_by, domain)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ANNOUNCED', ?, ?, ?)
                ON DUPLICATE KEY UPDATE reference = VALUES(reference), institution_id = VALUES(institution_id),
                    programme_name = VALUES(programme_name), level = VALUES(level), isat_code = VALUES(isat_code),
                    crebo = VALUES(crebo), forms = VALUES(forms), candidate_locations = VALUES(candidate_locations),
                    intended_start = VALUES(intended_start), announced_at = VALUES(announced_at),
                    announced_by = VALUES(announced_by)""",
                Sql.params(announced.announcementId(), announced.reference(), announced.institutionId(),
                        announced.programme().name(), announced.programme().level().name(), announced.programme().isatCode(),
                        announced.programme().crebo(), forms(announced.programme().forms()), write(announced.candidateLocations()),
                        announced.intendedStart(), Timestamp.from(event.envelope().time()), announced.actor().organisationId(),
                        announced.programme().domain()));
    }
}
