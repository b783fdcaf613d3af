package nl.programmes.kit.command;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets commands sent with an {@code Idempotency-Key} once they are older than {@code platform.idempotency.keep}: a
 * client repeats a command within minutes, and a kept answer is a copy of data that may later be withdrawn or
 * corrected. A key sent again after that is a new command. Only services whose schema holds {@code idempotent_request}
 * set the property. Deletes in small transactions, so a claim of a new key never waits long behind the purge; two
 * instances of a service purging at the same time do no harm (each row goes once).
 */
@Singleton
@Requires(property = "platform.idempotency.keep")
public class IdempotencyKeyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurge.class);
    private static final int ROWS_PER_TRANSACTION = 1_000;

    private final TransactionOperations<Connection> transactions;
    private final Sql sql;
    private final Clock clock;
    private final Duration keep;

    public IdempotencyKeyPurge(TransactionOperations<Connection> transactions, JdbcOperations jdbc, Clock clock,
                               @Value("${platform.idempotency.keep}") Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("platform.idempotency.keep must be positive, is " + keep);
        }
        this.transactions = transactions;
        this.sql = new Sql(jdbc);
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelay = "${platform.idempotency.purge-every:1h}", fixedDelay = "${platform.idempotency.purge-every:1h}")
    void scheduled() {
        purge();
    }

    /** Deletes every kept command older than the keeping time; answers how many. */
    public int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(keep));
        int purged = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> sql.update(
                    "DELETE FROM idempotent_request WHERE created_at < ? ORDER BY created_at LIMIT " + ROWS_PER_TRANSACTION,
                    Sql.params(before)));
            purged += deleted;
        } while (deleted == ROWS_PER_TRANSACTION);
        if (purged > 0) {
            LOG.info("Forgot {} idempotency keys older than {} (kept {})", purged, before.toInstant(), keep);
        }
        return purged;
    }
}
