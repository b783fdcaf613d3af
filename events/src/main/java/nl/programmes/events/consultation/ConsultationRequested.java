package nl.programmes.events.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;
import nl.programmes.events.announcement.ProgrammeForm;

import java.time.LocalDate;
import java.util.List;

/** The announcing institution asked an organisation for its position on these locations and forms. */
@Serdeable
public record ConsultationRequested(
        String consultationId,
        String announcementId,
        String institutionId,
        String consultedOrganisationId,
        ConsultationKind kind,
        List<String> locations,
        List<ProgrammeForm> forms,
        @Nullable LocalDate dueDate,
        @Nullable String note,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return consultationId;
    }
}
