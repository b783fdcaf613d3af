package nl.programmes.overview.handling;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.inbox.InboundEvents;
import nl.programmes.overview.projection.AnnouncementOverviewProjection;
import nl.programmes.overview.projection.ConsultationMatrixProjection;
import nl.programmes.overview.projection.RegionalOfferingProjection;
import nl.programmes.overview.projection.SteeringDecisionProjection;
import nl.programmes.overview.projection.TimelineProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds every topic into the overview's read models. Reads from the earliest offset so a new
 * deployment builds the whole overview; each event is applied once (dedupe on ce_id in the same
 * transaction), a failing record is retried and then parked, never skipped. Every event also
 * becomes a timeline line.
 */
@KafkaListener(groupId = "${platform.topics.prefix:}overview", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10))
public class OverviewListener {

    private static final String CONSUMER = "overview";

    private final InboundEvents inbound;
    private final AnnouncementOverviewProjection announcements;
    private final ConsultationMatrixProjection consultations;
    private final SteeringDecisionProjection decisions;
    private final RegionalOfferingProjection offerings;
    private final TimelineProjection timeline;

    public OverviewListener(InboundEvents inbound, AnnouncementOverviewProjection announcements,
                            ConsultationMatrixProjection consultations, SteeringDecisionProjection decisions,
                            RegionalOfferingProjection offerings, TimelineProjection timeline) {
        this.inbound = inbound;
        this.announcements = announcements;
        this.consultations = consultations;
        this.decisions = decisions;
        this.offerings = offerings;
        this.timeline = timeline;
    }

    @Topic("${platform.topics.prefix:}programme-announcements")
    void announcement(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> {
            announcements.on(event);
            timeline.on(event);
        });
    }

    @Topic("${platform.topics.prefix:}consultations")
    void consultation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> both(event, consultations::on));
    }

    @Topic("${platform.topics.prefix:}steering-decisions")
    void decision(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> both(event, decisions::on));
    }

    @Topic({"${platform.topics.prefix:}programme-offerings", "${platform.topics.prefix:}organisations"})
    void offeringOrOrganisation(ConsumerRecord<String, byte[]> record) {
        inbound.applyOnce(record, CONSUMER, event -> both(event, offerings::on));
    }

    private void both(InboundEvent event, java.util.function.Consumer<nl.programmes.events.DomainEvent> projection) {
        projection.accept(event.body());
        timeline.on(event);
    }
}
