package nl.programmes.events.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;
import java.util.List;

/** The consulted organisation revised its positions; each change carries the previous and new position. */
@Serdeable
public record ConsultationOutcomeRevised(
        String consultationId,
        String announcementId,
        String consultedOrganisationId,
        int revision,
        LocalDate meetingDate,
        @Nullable String summary,
        @Nullable String agreements,
        List<PositionChange> changes,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return consultationId;
    }
}
