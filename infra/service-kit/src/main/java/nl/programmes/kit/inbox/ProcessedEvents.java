package nl.programmes.kit.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The consumer's memory of applied events, keyed by CloudEvents id (table {@code processed_event}). */
@Singleton
public class ProcessedEvents {

    private static final String RECORD = "INSERT IGNORE INTO processed_event (event_id, ce_type, processed_at) VALUES (?, ?, ?)";

    private final JdbcOperations jdbc;
    private final Sql sql;
    private final Clock clock;

    public ProcessedEvents(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.sql = new Sql(jdbc);
        this.clock = clock;
    }

    /**
     * Records the event as applied, in the caller's transaction, and says whether it was new. Runs at once
     * (never queued in a {@code WriteBehind}): the answer is the row count.
     *
     * @return false when it was applied before: the caller must then change nothing
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstTime(String eventId, String ceType) {
        return jdbc.prepareStatement(RECORD, statement -> {
            try {
                statement.setString(1, eventId);
                statement.setString(2, ceType);
                statement.setTimestamp(3, Timestamp.from(clock.instant()));
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record processed event " + eventId, e);
            }
        });
    }

    /** Which of these events were applied before: one query for a whole poll. Returns a set the caller may add to. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<String> alreadyProcessed(List<String> eventIds) {
        Set<String> seen = new HashSet<>();
        if (eventIds.isEmpty()) {
            return seen;
        }
        String marks = String.join(",", java.util.Collections.nCopies(eventIds.size(), "?"));
        sql.query("SELECT event_id FROM processed_event WHERE event_id IN (" + marks + ")",
                Sql.params(eventIds.toArray()), rs -> seen.add(rs.getString(1)));
        return seen;
    }

    /** Records the event as applied; inside {@link nl.programmes.kit.persistence.WriteBehind} it goes out with its poll. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String eventId, String ceType) {
        sql.update(RECORD, Sql.params(eventId, ceType, Timestamp.from(clock.instant())));
    }
}
