package nl.programmes.events.announcement;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/** The institution withdrew its announcement; nothing about it changes afterwards. */
@Serdeable
public record AnnouncementWithdrawn(String announcementId, int version, String reason, Actor actor) implements DomainEvent {

    @Override
    public String subject() {
        return announcementId;
    }
}
