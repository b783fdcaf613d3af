package nl.programmes.kit.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/** The consumer's memory of applied events, keyed by CloudEvents id (table {@code processed_event}). */
@Singleton
public class ProcessedEvents {

    private final JdbcOperations jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the event as applied, in the caller's transaction.
     *
     * @return false when it was applied before: the caller must then change nothing
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstTime(String eventId, String ceType) {
        return jdbc.prepareStatement(
                "INSERT IGNORE INTO processed_event (event_id, ce_type, processed_at) VALUES (?, ?, ?)", statement -> {
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
}
