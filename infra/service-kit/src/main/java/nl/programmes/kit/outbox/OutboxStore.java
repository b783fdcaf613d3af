package nl.programmes.kit.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.CloudEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the outbox table. */
@Singleton
class OutboxStore {

    private final JdbcOperations jdbc;

    OutboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void insert(String topic, CloudEvent event) {
        jdbc.prepareStatement("""
                INSERT INTO outbox (event_id, topic, event_key, ce_type, ce_source, ce_time, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", statement -> {
            try {
                statement.setString(1, event.id());
                statement.setString(2, topic);
                statement.setString(3, event.subject());
                statement.setString(4, event.type());
                statement.setString(5, event.source());
                statement.setTimestamp(6, Timestamp.from(event.time()));
                statement.setBytes(7, event.data());
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write outbox row", e);
            }
        });
    }

    @Transactional
    List<OutboxRow> unsent(int limit) {
        return jdbc.prepareStatement("""
                SELECT seq, event_id, topic, event_key, ce_type, ce_source, ce_time, payload
                FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?""", statement -> {
            try {
                statement.setInt(1, limit);
                List<OutboxRow> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        CloudEvent event = new CloudEvent(rs.getString("event_id"), rs.getString("ce_type"),
                                rs.getString("ce_source"), rs.getString("event_key"),
                                rs.getTimestamp("ce_time").toInstant(), rs.getBytes("payload"));
                        rows.add(new OutboxRow(rs.getLong("seq"), rs.getString("topic"), event));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read outbox", e);
            }
        });
    }

    /** Marks each batch sent at its own acknowledgement time, all in one transaction. */
    @Transactional
    void markSent(List<OutboxRelay.Acknowledged> batches) {
        for (OutboxRelay.Acknowledged batch : batches) {
            List<Long> seqs = batch.seqs();
            String placeholders = String.join(",", seqs.stream().map(s -> "?").toList());
            jdbc.prepareStatement("UPDATE outbox SET sent_at = ? WHERE seq IN (" + placeholders + ")", statement -> {
                try {
                    statement.setTimestamp(1, Timestamp.from(batch.at()));
                    for (int i = 0; i < seqs.size(); i++) {
                        statement.setLong(i + 2, seqs.get(i));
                    }
                    return statement.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not mark outbox rows sent", e);
                }
            });
        }
    }

    @Transactional
    int deleteSentBefore(Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT 10000",
                statement -> update(statement, Timestamp.from(cutoff)));
    }

    @Transactional
    long countUnsent() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static int update(PreparedStatement statement, Timestamp timestamp) {
        try {
            statement.setTimestamp(1, timestamp);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
