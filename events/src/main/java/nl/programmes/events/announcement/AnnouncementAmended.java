package nl.programmes.events.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.AboutAnnouncement;
import nl.programmes.events.Actor;

import java.util.List;

/**
 * The announcing institution amended its announcement. Each field that changed carries its old and
 * new value; a field that did not change is absent (null). {@code version} is the announcement's
 * version after the amendment.
 */
@Serdeable
public record AnnouncementAmended(
        String announcementId,
        int version,
        @Nullable ValueChange<String> programmeName,
        @Nullable ValueChange<List<ProgrammeForm>> forms,
        @Nullable ValueChange<List<String>> candidateLocations,
        @Nullable ValueChange<String> intendedStart,
        @Nullable ValueChange<Integer> capacityLimit,
        @Nullable ValueChange<String> summary,
        @Nullable ValueChange<LabourMarketEvidence> labourMarketEvidence,
        Actor actor) implements AboutAnnouncement {

    @Override
    public String subject() {
        return announcementId;
    }
}
