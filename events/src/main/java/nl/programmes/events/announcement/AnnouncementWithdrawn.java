package nl.programmes.events.announcement;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

/** The institution withdrew its announcement; nothing about it changes afterwards. */
@Serdeable
public record AnnouncementWithdrawn(String announcementId, int version, String reason, Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return announcementId;
    }
}
