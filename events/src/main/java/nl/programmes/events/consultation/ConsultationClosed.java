package nl.programmes.events.consultation;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/** The consultation closed: its announcement was withdrawn or decided. Positions stay as history. */
@Serdeable
public record ConsultationClosed(String consultationId, String announcementId, String reason, Actor actor)
        implements DomainEvent {

    @Override
    public String subject() {
        return consultationId;
    }
}
