package nl.programmes.events.consultation;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

/** The consultation closed: its announcement was withdrawn or decided. Positions stay as history. */
@Serdeable
public record ConsultationClosed(String consultationId, String announcementId, String reason, Actor actor)
        implements AboutAnnouncement {

    @Override
    public String subject() {
        return consultationId;
    }
}
