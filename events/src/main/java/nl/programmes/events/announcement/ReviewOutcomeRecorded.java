package nl.programmes.events.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;

/**
 * The national review's outcome: the advice (of the review committee) and the minister's decision.
 */
@Serdeable
public record ReviewOutcomeRecorded(
        String announcementId,
        int version,
        Advice advice,
        @Nullable LocalDate adviceDate,
        MinisterDecision decision,
        LocalDate decisionDate,
        Actor actor) implements AboutAnnouncement {

    public enum Advice { POSITIVE, NEGATIVE }

    public enum MinisterDecision { APPROVED, REJECTED }

    @Override
    public String subject() {
        return announcementId;
    }
}
