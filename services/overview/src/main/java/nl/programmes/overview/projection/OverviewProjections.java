package nl.programmes.overview.projection;

import jakarta.inject.Singleton;
import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.replica.OrganisationReplica;

/**
 * Routes one event to the read models it changes, and to the timeline. Called inside the
 * transaction that also records the event as processed.
 */
@Singleton
public class OverviewProjections {

    private final AnnouncementOverviewProjection announcements;
    private final ConsultationMatrixProjection consultations;
    private final SteeringDecisionProjection decisions;
    private final RegionalOfferingProjection offerings;
    private final OrganisationReplica organisations;
    private final TimelineProjection timeline;

    public OverviewProjections(AnnouncementOverviewProjection announcements, ConsultationMatrixProjection consultations,
                               SteeringDecisionProjection decisions, RegionalOfferingProjection offerings,
                               OrganisationReplica organisations, TimelineProjection timeline) {
        this.announcements = announcements;
        this.consultations = consultations;
        this.decisions = decisions;
        this.offerings = offerings;
        this.organisations = organisations;
        this.timeline = timeline;
    }

    /**
     * Applies the event; returns the announcement it is about (the one its timeline line belongs to), or null,
     * so the read cache can keep what it knows about other announcements.
     */
    public String apply(InboundEvent event) {
        switch (event.type().topic()) {
            case Topics.PROGRAMME_ANNOUNCEMENTS -> announcements.on(event);
            case Topics.CONSULTATIONS -> consultations.on(event.body());
            case Topics.STEERING_DECISIONS -> decisions.on(event.body());
            case Topics.ORGANISATIONS -> organisations.on(event.body());
            default -> offerings.on(event.body());
        }
        return timeline.on(event);
    }
}
