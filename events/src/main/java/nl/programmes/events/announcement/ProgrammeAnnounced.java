package nl.programmes.events.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.util.List;

/**
 * An institution announced an intended programme.
 *
 * @param reference      the institution's own reference, e.g. {@code A24-056}
 * @param institutionId  organisation id of the announcing institution
 * @param intendedStart  year and month, {@code yyyy-MM}
 * @param labourMarketEvidence optional; added to v1 as an optional field, so older bodies still read
 */
@Serdeable
public record ProgrammeAnnounced(
        String announcementId,
        String reference,
        String institutionId,
        Programme programme,
        List<String> candidateLocations,
        String intendedStart,
        @Nullable Integer capacityLimit,
        @Nullable String summary,
        @Nullable LabourMarketEvidence labourMarketEvidence,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return announcementId;
    }
}
