package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.LabourMarketEvidence;
import nl.programmes.events.announcement.ProgrammeForm;

import java.time.YearMonth;
import java.util.List;

/**
 * An amendment: every field is optional; a null field stays as it is. {@code clearCapacityLimit}
 * removes a capacity limit, since null already means "unchanged".
 */
public record AmendAnnouncement(
        String programmeName,
        List<ProgrammeForm> forms,
        List<String> candidateLocations,
        YearMonth intendedStart,
        Integer capacityLimit,
        boolean clearCapacityLimit,
        String summary,
        LabourMarketEvidence labourMarketEvidence) {
}
