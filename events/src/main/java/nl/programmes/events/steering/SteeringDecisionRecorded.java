package nl.programmes.events.steering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * A steering committee decided on an announcement, for all its locations or some.
 *
 * @param locations empty when the decision concerns every location
 * @param rulesOn   the objections the decision rules on, if any
 */
@Serdeable
public record SteeringDecisionRecorded(
        String decisionId,
        String committeeId,
        String announcementId,
        LocalDate meetingDate,
        Decision decision,
        List<String> locations,
        @Nullable String rationale,
        List<ObjectionReference> rulesOn,
        Actor actor) implements AboutAnnouncement {

    public SteeringDecisionRecorded {
        locations = locations == null ? List.of() : List.copyOf(locations);
        rulesOn = rulesOn == null ? List.of() : List.copyOf(rulesOn);
    }

    @Override
    public String subject() {
        return decisionId;
    }
}
