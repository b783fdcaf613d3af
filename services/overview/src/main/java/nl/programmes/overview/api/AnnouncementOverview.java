package nl.programmes.overview.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One announcement as the overview shows it. */
@Serdeable
public record AnnouncementOverview(
        String announcementId,
        String reference,
        String institution,
        String programme,
        String level,
        @Nullable String isatCode,
        @Nullable String crebo,
        List<String> forms,
        List<String> candidateLocations,
        String intendedStart,
        String status,
        Instant announcedAt,
        String announcedBy) {
}
