package nl.programmes.overview.projection;

import jakarta.inject.Singleton;
import nl.programmes.events.Topics;
import nl.programmes.kit.inbox.InboundEvent;
import nl.programmes.kit.replica.OrganisationReplica;

/**
 * Routes one event to the read models it changes. Called inside the transaction that wrote the event's
 * timeline line first ({@link TimelineProjection}, the overview's dedupe mark).
 */
@Singleton
public class OverviewProjections {

    private final AnnouncementOverviewProjection announcements;
    private final ConsultationMatrixProjection consultations;
    private final SteeringDecisionProjection decisions;
    private final RegionalOfferingProjection offerings;
    private final OrganisationReplica organisations;

    public OverviewProjections(AnnouncementOverviewProjection announcements, ConsultationMatrixProjection consultations,
                               SteeringDecisionProjection decisions, RegionalOfferingProjection offerings,
                               OrganisationReplica organisations) {
        this.announcements = announcements;
        this.consultations = consultations;
        this.decisions = decisions;
        this.offerings = offerings;
        this.organisations = organisations;
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
        return TimelineSentences.announcementOf(event.body());
    }
}
