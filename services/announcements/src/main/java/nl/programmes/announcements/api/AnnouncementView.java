package nl.programmes.announcements.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.events.announcement.LabourMarketEvidence;
import nl.programmes.events.announcement.Programme;

import java.time.LocalDate;

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
        @Nullable LabourMarketEvidence labourMarketEvidence,
        String status,
        @Nullable Application application,
        @Nullable Review reviewOutcome,
        @Nullable String withdrawalReason,
        int version) {

    @Serdeable
    public record Application(LocalDate submittedOn, List<String> locations, List<String> forms) {
    }

    @Serdeable
    public record Review(String advice, @Nullable LocalDate adviceDate, String decision, LocalDate decisionDate) {
    }

    static AnnouncementView of(Announcement announcement) {
        return new AnnouncementView(announcement.id().toString(), announcement.reference(),
                announcement.institutionId(), announcement.programme(), announcement.candidateLocations(),
                announcement.intendedStart().toString(), announcement.capacityLimit(), announcement.summary(),
                announcement.labourMarketEvidence(), announcement.status().name(),
                announcement.application() == null ? null : new Application(announcement.application().submittedOn(),
                        announcement.application().locations(),
                        announcement.application().forms().stream().map(Enum::name).toList()),
                announcement.reviewOutcome() == null ? null : new Review(announcement.reviewOutcome().advice().name(),
                        announcement.reviewOutcome().adviceDate(), announcement.reviewOutcome().decision().name(),
                        announcement.reviewOutcome().decisionDate()),
                announcement.withdrawalReason(), announcement.version());
    }
}
