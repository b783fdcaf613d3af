package nl.programmes.overview.projection;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.config.BusinessCalendar;
import nl.programmes.kit.inbox.AppliedMarks;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.inbox.ProcessedEvents;
import nl.programmes.kit.persistence.Sql;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The consolidated timeline: one line per event from every service, keyed by the event's id.
 * <p>
 * The line is also the overview's dedupe mark, in place of the kit's {@code processed_event}: every event the
 * overview applies gets exactly one line, written first in the transaction that applies it, so a second
 * table with a row per event would only repeat the key. A rebuild writes a row less per event that way, and
 * a poll makes one round trip less.
 */
@Singleton
@Replaces(ProcessedEvents.class)
public class TimelineProjection implements AppliedMarks {

    private static final String LINE = """
            INSERT IGNORE INTO timeline_entry (event_id, occurred_on, recorded_at, announcement_id, offering_id, kind, actor_user,
                actor_name, actor_org, sentence_nl, sentence_en, projected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final Clock clock;

    public TimelineProjection(JdbcOperations jdbc, Clock clock) {
        this.sql = new Sql(jdbc);
        this.clock = clock;
    }

    /** Writes the events' lines now; returns how many were new (an event with a line was applied before). */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int mark(List<InboundEvent> events) {
        LocalDateTime now = local(clock.instant());
        return sql.insertNow(LINE, events.stream().map(event -> line(event, now)).toList());
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<String> markedBefore(List<String> eventIds) {
        return sql.present("timeline_entry", "event_id", eventIds);
    }

    private static Object[] line(InboundEvent event, LocalDateTime projectedAt) {
        TimelineSentences.Line line = TimelineSentences.of(event.body(),
                LocalDate.ofInstant(event.envelope().time(), BusinessCalendar.NETHERLANDS));
        return new Object[] {event.envelope().id(), line.occurredOn(), local(event.envelope().time()),
                TimelineSentences.announcementOf(event.body()), TimelineSentences.offeringOf(event.body()), event.type().ceType(),
                event.body().actor().userId(), event.body().actor().displayName(), event.body().actor().organisationId(),
                line.dutch(), line.english(), projectedAt};
    }

    /**
     * The instant in the JVM's time zone, as Connector/J writes a {@link java.sql.Timestamp}. Not a Timestamp itself: turning
     * one back into its fields goes through the old Gregorian calendar, three times for every line of a rebuild.
     */
    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    }
}
