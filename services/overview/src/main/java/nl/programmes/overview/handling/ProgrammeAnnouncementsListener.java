package nl.programmes.overview.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.overview.projection.AnnouncementOverviewProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds {@code programme-announcements} into the overview. Reads from the earliest offset so a new
 * deployment builds the whole read model; a failing record is retried and then parked, never skipped.
 */
@KafkaListener(groupId = "${platform.topics.prefix:}overview", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10))
public class ProgrammeAnnouncementsListener {

    private final InboundEvents inbound;
    private final AnnouncementOverviewProjection projection;

    public ProgrammeAnnouncementsListener(InboundEvents inbound, AnnouncementOverviewProjection projection) {
        this.inbound = inbound;
        this.projection = projection;
    }

    @Topic("${platform.topics.prefix:}programme-announcements")
    void receive(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, "overview", projection::on);
    }
}
