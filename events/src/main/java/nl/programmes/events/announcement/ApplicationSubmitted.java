package nl.programmes.events.announcement;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * The institution filed its application with the national review ("aanvraag macrodoelmatigheid"),
 * for these locations and forms: a subset of the candidates. Locations left out are no longer candidates.
 */
@Serdeable
public record ApplicationSubmitted(
        String announcementId,
        int version,
        LocalDate submittedOn,
        List<String> locations,
        List<ProgrammeForm> forms,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return announcementId;
    }
}
