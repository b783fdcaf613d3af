package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.persistence.Sql;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;

/** The consolidated timeline: one line per event from every service, keyed by the event's id. */
@Singleton
public class TimelineProjection {

    static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final Sql sql;

    public TimelineProjection(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    /** Adds the event's line; returns the announcement it is about, or null. */
    public String on(InboundEvent event) {
        TimelineSentences.Line line = TimelineSentences.of(event.body(), event.envelope().time().atZone(NETHERLANDS).toLocalDate());
        sql.update("""
                INSERT IGNORE INTO timeline_entry (event_id, occurred_on, recorded_at, announcement_id, kind, actor_user,
                    actor_org, sentence_nl, sentence_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.params(event.envelope().id(), Date.valueOf(line.occurredOn()), Timestamp.from(event.envelope().time()),
                        line.announcementId(), event.type().ceType(), event.body().actor().userId(),
                        event.body().actor().organisationId(), line.dutch(), line.english()));
        return line.announcementId();
    }
}
