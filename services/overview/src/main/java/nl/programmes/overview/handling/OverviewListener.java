package nl.programmes.overview.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.overview.projection.OverviewProjections;
import nl.programmes.overview.read.ReadModelChanges;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Feeds every topic into the overview's read models. Reads from the earliest offset so a new
 * deployment builds the whole overview. Each poll is applied in one transaction with the dedupe
 * marks (ce_id); a failing record is retried on its own and then parked, never skipped. A rebuild runs
 * this same listener in a second context with a consumer group of its own (see {@code OverviewRebuild}).
 * <p>
 * Offsets are committed asynchronously after the transaction: the dedupe marks, not the offsets, are what
 * makes an event apply once, so a restart that re-reads a poll or two changes nothing. Waiting for each
 * commit held the next poll back by a broker round trip. What has been applied is kept in
 * {@link AppliedPositions} for the rebuild's switch-over.
 * <p>
 * A rebuild runs several consumers of this listener ({@code platform.overview.consumer-threads}), each with its own
 * partitions, transaction and connection, so that one applies its poll while another's statements are in the
 * database. That is safe because every read-model row is written by the events of one aggregate only, and an
 * aggregate's events share a partition (its id is the key): two transactions never write the same row.
 */
@KafkaListener(groupId = "${platform.overview.consumer-group}", clientId = "overview-projection", offsetReset = OffsetReset.EARLIEST, batch = true,
        offsetStrategy = OffsetStrategy.ASYNC, threadsValue = "${platform.overview.consumer-threads:1}",
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = InboundEvents.READ_AGAIN_AFTER,
                retryCount = InboundEvents.READ_AGAIN_UNTIL_APPLIED))
public class OverviewListener {

    private final InboundEvents inbound;
    private final OverviewProjections projections;
    private final ReadModelChanges changes;
    private final AppliedPositions positions;

    public OverviewListener(InboundEvents inbound, OverviewProjections projections, ReadModelChanges changes,
                            AppliedPositions positions) {
        this.inbound = inbound;
        this.projections = projections;
        this.changes = changes;
        this.positions = positions;
    }

    @Topic({"${platform.topics.prefix:}programme-announcements", "${platform.topics.prefix:}consultations",
            "${platform.topics.prefix:}steering-decisions", "${platform.topics.prefix:}programme-offerings",
            "${platform.topics.prefix:}organisations"})
    void receive(ConsumerRecords<String, byte[]> polled) {
        // ConsumerRecords rather than a List: Micronaut binds a List element by element, through a new binder and
        // conversion context for each record, which was about an eighth of what a rebuild allocated.
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        Set<String> announcements = new HashSet<>();
        Set<String> topics = new HashSet<>();
        positions.applying();
        int applied;
        try {
            applied = inbound.applyAllOnce(records, "overview", event -> {
                String announcement = projections.apply(event);
                if (announcement != null) {
                    announcements.add(announcement);
                }
                topics.add(event.type().topic());
            });
        } catch (RuntimeException e) {
            positions.abandoned();
            throw e;
        }
        positions.applied(records);
        // After the commit: what reads keep in memory is never older than the read model.
        if (topics.contains(Topics.ORGANISATIONS)) {
            changes.changedEverything(); // organisation names appear in every answer
        } else if (applied > 0) {
            changes.committed(announcements, topics.contains(Topics.PROGRAMME_OFFERINGS));
        }
    }
}
