package nl.programmes.events.steering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * A later decision corrects an earlier one of the same committee on the same announcement. Decisions
 * are never edited in place: the earlier one stays, marked as corrected by this one.
 */
@Serdeable
public record SteeringDecisionCorrected(
        String decisionId,
        String correctsDecisionId,
        String committeeId,
        String announcementId,
        LocalDate meetingDate,
        Decision decision,
        List<String> locations,
        @Nullable String rationale,
        List<ObjectionReference> rulesOn,
        Actor actor) implements AboutAnnouncement {

    public SteeringDecisionCorrected {
        locations = locations == null ? List.of() : List.copyOf(locations);
        rulesOn = rulesOn == null ? List.of() : List.copyOf(rulesOn);
    }

    @Override
    public String subject() {
        return decisionId;
    }
}
