package nl.programmes.events.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * The consulted organisation recorded its positions for the first time.
 *
 * @param meetingDate the business date of the consultation (the meeting), not the recording time
 * @param agreements  what the parties agreed, e.g. "develop together to avoid overlap"
 */
@Serdeable
public record ConsultationOutcomeRecorded(
        String consultationId,
        String announcementId,
        String consultedOrganisationId,
        int revision,
        LocalDate meetingDate,
        @Nullable String summary,
        @Nullable String agreements,
        List<LocationPosition> positions,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return consultationId;
    }
}
