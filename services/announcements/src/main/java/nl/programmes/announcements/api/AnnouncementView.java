package nl.programmes.announcements.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.events.announcement.Programme;

import java.util.List;

/** An announcement as the API shows it. */
@Serdeable
public record AnnouncementView(
        String id,
        String reference,
        String institution,
        Programme programme,
        List<String> candidateLocations,
        String intendedStart,
        @Nullable Integer capacityLimit,
        @Nullable String summary,
        String status,
        int version) {

    static AnnouncementView of(Announcement announcement) {
        return new AnnouncementView(announcement.id().toString(), announcement.reference(),
                announcement.institutionId(), announcement.programme(), announcement.candidateLocations(),
                announcement.intendedStart().toString(), announcement.capacityLimit(), announcement.summary(),
                announcement.status().name(), announcement.version());
    }
}
