package nl.programmes.kit.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The consumer's memory of applied events, keyed by CloudEvents id (table {@code processed_event}). */
@Singleton
public class ProcessedEvents implements AppliedMarks {

    private static final String RECORD = "INSERT IGNORE INTO processed_event (event_id, ce_type, processed_at) VALUES (?, ?, ?)";

    private final Sql sql;
    private final Clock clock;

    public ProcessedEvents(JdbcOperations jdbc, Clock clock) {
        this.sql = new Sql(jdbc);
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int mark(List<InboundEvent> events) {
        Timestamp now = Timestamp.from(clock.instant());
        return sql.insertNow(RECORD, events.stream().map(e -> new Object[] {e.envelope().id(), e.type().ceType(), now}).toList());
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<String> markedBefore(List<String> eventIds) {
        return sql.present("processed_event", "event_id", eventIds);
    }
}
