package nl.programmes.kit.outbox;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.CloudEvent;
import nl.programmes.kit.persistence.Sql;

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

    /**
     * One statement, so a connection without a transaction ({@code @Connectable}): at 200 commands a second a
     * transaction around it cost the database three more statements per relay cycle ({@code SET autocommit} twice
     * and a commit), a third of all it was asked.
     */
    @Connectable
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

    /**
     * Marks each batch sent at its own acknowledgement time. Usually there are one to three batches, marked in one
     * statement, which is atomic on its own and so runs on a connection without a transaction (see {@link #unsent}).
     * Each row's mark stands alone, so after a long failure the batches that piled up go twenty to a statement.
     */
    @Connectable
    void markSent(List<OutboxRelay.Acknowledged> batches) {
        for (int first = 0; first < batches.size(); first += 20) {
            markSentInOneStatement(batches.subList(first, Math.min(batches.size(), first + 20)));
        }
    }

    private void markSentInOneStatement(List<OutboxRelay.Acknowledged> batches) {
        StringBuilder sql = new StringBuilder("UPDATE outbox SET sent_at = CASE");
        List<Long> all = new ArrayList<>();
        for (OutboxRelay.Acknowledged batch : batches) {
            sql.append(" WHEN seq IN (").append(Sql.marks(batch.seqs().size())).append(") THEN ?");
            all.addAll(batch.seqs());
        }
        sql.append(" END WHERE seq IN (").append(Sql.marks(all.size())).append(')');
        jdbc.prepareStatement(sql.toString(), statement -> {
            try {
                int i = 1;
                for (OutboxRelay.Acknowledged batch : batches) {
                    for (Long seq : batch.seqs()) {
                        statement.setLong(i++, seq);
                    }
                    statement.setTimestamp(i++, Timestamp.from(batch.at()));
                }
                for (Long seq : all) {
                    statement.setLong(i++, seq);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not mark outbox rows sent", e);
            }
        });
    }

    @Connectable
    int deleteSentBefore(Instant cutoff) {
        return jdbc.prepareStatement("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT 10000",
                statement -> update(statement, Timestamp.from(cutoff)));
    }

    @Connectable
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
