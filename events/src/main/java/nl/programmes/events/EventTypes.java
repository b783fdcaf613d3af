package nl.programmes.events;

import nl.programmes.events.announcement.AnnouncementAmended;
import nl.programmes.events.announcement.AnnouncementWithdrawn;
import nl.programmes.events.announcement.ApplicationSubmitted;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationClosed;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationOutcomeRevised;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingResumed;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.organisation.OrganisationUpdated;
import nl.programmes.events.steering.SteeringDecisionCorrected;
import nl.programmes.events.steering.SteeringDecisionRecorded;
import nl.programmes.events.steering.SteeringMeetingHeld;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every event type on the platform. Adding an event means adding it here, with a
 * schema and a golden fixture; the contract tests walk this list.
 */
public final class EventTypes {

    public static final EventType<ProgrammeAnnounced> PROGRAMME_ANNOUNCED = new EventType<>(
            "nl.programmes.announcement.announced.v1", Topics.PROGRAMME_ANNOUNCEMENTS, ProgrammeAnnounced.class);

    public static final EventType<AnnouncementAmended> ANNOUNCEMENT_AMENDED = new EventType<>(
            "nl.programmes.announcement.amended.v1", Topics.PROGRAMME_ANNOUNCEMENTS, AnnouncementAmended.class);

    public static final EventType<AnnouncementWithdrawn> ANNOUNCEMENT_WITHDRAWN = new EventType<>(
            "nl.programmes.announcement.withdrawn.v1", Topics.PROGRAMME_ANNOUNCEMENTS, AnnouncementWithdrawn.class);

    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED = new EventType<>(
            "nl.programmes.announcement.application-submitted.v1", Topics.PROGRAMME_ANNOUNCEMENTS,
            ApplicationSubmitted.class);

    public static final EventType<ReviewOutcomeRecorded> REVIEW_OUTCOME_RECORDED = new EventType<>(
            "nl.programmes.announcement.review-outcome-recorded.v1", Topics.PROGRAMME_ANNOUNCEMENTS,
            ReviewOutcomeRecorded.class);

    public static final EventType<OfferingRegistered> OFFERING_REGISTERED = new EventType<>(
            "nl.programmes.offering.registered.v1", Topics.PROGRAMME_OFFERINGS, OfferingRegistered.class);

    public static final EventType<IntakeReported> INTAKE_REPORTED = new EventType<>(
            "nl.programmes.offering.intake-reported.v1", Topics.PROGRAMME_OFFERINGS, IntakeReported.class);

    public static final EventType<OfferingDiscontinued> OFFERING_DISCONTINUED = new EventType<>(
            "nl.programmes.offering.discontinued.v1", Topics.PROGRAMME_OFFERINGS, OfferingDiscontinued.class);

    public static final EventType<OfferingResumed> OFFERING_RESUMED = new EventType<>(
            "nl.programmes.offering.resumed.v1", Topics.PROGRAMME_OFFERINGS, OfferingResumed.class);

    public static final EventType<OrganisationRegistered> ORGANISATION_REGISTERED = new EventType<>(
            "nl.programmes.organisation.registered.v1", Topics.ORGANISATIONS, OrganisationRegistered.class);

    public static final EventType<OrganisationUpdated> ORGANISATION_UPDATED = new EventType<>(
            "nl.programmes.organisation.updated.v1", Topics.ORGANISATIONS, OrganisationUpdated.class);

    public static final EventType<ConsultationRequested> CONSULTATION_REQUESTED = new EventType<>(
            "nl.programmes.consultation.requested.v1", Topics.CONSULTATIONS, ConsultationRequested.class);

    public static final EventType<ConsultationOutcomeRecorded> CONSULTATION_OUTCOME_RECORDED = new EventType<>(
            "nl.programmes.consultation.outcome-recorded.v1", Topics.CONSULTATIONS, ConsultationOutcomeRecorded.class);

    public static final EventType<ConsultationOutcomeRevised> CONSULTATION_OUTCOME_REVISED = new EventType<>(
            "nl.programmes.consultation.outcome-revised.v1", Topics.CONSULTATIONS, ConsultationOutcomeRevised.class);

    public static final EventType<ConsultationClosed> CONSULTATION_CLOSED = new EventType<>(
            "nl.programmes.consultation.closed.v1", Topics.CONSULTATIONS, ConsultationClosed.class);

    public static final EventType<SteeringDecisionRecorded> STEERING_DECISION_RECORDED = new EventType<>(
            "nl.programmes.steering.decision-recorded.v1", Topics.STEERING_DECISIONS, SteeringDecisionRecorded.class);

    public static final EventType<SteeringDecisionCorrected> STEERING_DECISION_CORRECTED = new EventType<>(
            "nl.programmes.steering.decision-corrected.v1", Topics.STEERING_DECISIONS, SteeringDecisionCorrected.class);

    public static final EventType<SteeringMeetingHeld> STEERING_MEETING_HELD = new EventType<>(
            "nl.programmes.steering.meeting-held.v1", Topics.STEERING_DECISIONS, SteeringMeetingHeld.class);

    public static final List<EventType<?>> ALL = List.of(PROGRAMME_ANNOUNCED, ANNOUNCEMENT_AMENDED,
            ANNOUNCEMENT_WITHDRAWN, APPLICATION_SUBMITTED, REVIEW_OUTCOME_RECORDED, OFFERING_REGISTERED,
            INTAKE_REPORTED, OFFERING_DISCONTINUED, OFFERING_RESUMED, ORGANISATION_REGISTERED, ORGANISATION_UPDATED, CONSULTATION_REQUESTED,
            CONSULTATION_OUTCOME_RECORDED, CONSULTATION_OUTCOME_REVISED, CONSULTATION_CLOSED,
            STEERING_DECISION_RECORDED, STEERING_DECISION_CORRECTED, STEERING_MEETING_HELD);

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_BODY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::bodyType, Function.identity()));

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <E extends DomainEvent> EventType<E> of(Class<E> bodyType) {
        EventType<?> type = BY_BODY.get(bodyType);
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event: " + bodyType.getName());
        }
        return (EventType<E>) type;
    }
}
