package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.steering.SteeringDecisionCorrected;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.kit.persistence.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Steering decisions per announcement; a correction points at the decision it replaces. */
@Singleton
public class SteeringDecisionProjection {

    private final Sql sql;
    private final ObjectMapper json;

    public SteeringDecisionProjection(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = json;
    }

    public void on(DomainEvent event) {
        if (event instanceof SteeringDecisionRecorded d) {
            insert(d.decisionId(), d.announcementId(), d.committeeId(), d.meetingDate(), d.decision().name(), d.locations(),
                    d.rationale(), d.rulesOn(), null);
        } else if (event instanceof SteeringDecisionCorrected d) {
            insert(d.decisionId(), d.announcementId(), d.committeeId(), d.meetingDate(), d.decision().name(), d.locations(),
                    d.rationale(), d.rulesOn(), d.correctsDecisionId());
        }
    }

    private void insert(String id, String announcementId, String committeeId, java.time.LocalDate meetingDate, String decision,
                        Object locations, String rationale, Object rulesOn, String corrects) {
        sql.update("""
                INSERT IGNORE INTO overview_decision (decision_id, announcement_id, committee_id, meeting_date, decision,
                    locations, rationale, rules_on, corrects_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.params(id, announcementId, committeeId, meetingDate, decision, write(locations), rationale,
                        write(rulesOn), corrects));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
