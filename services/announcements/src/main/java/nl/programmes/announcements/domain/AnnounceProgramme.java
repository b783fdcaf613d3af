package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.LabourMarketEvidence;
import nl.programmes.events.announcement.Programme;

import java.time.YearMonth;
import java.util.List;

/** The command to announce an intended programme, already well-formed. */
public record AnnounceProgramme(
        String reference,
        String institutionId,
        Programme programme,
        List<String> candidateLocations,
        YearMonth intendedStart,
        Integer capacityLimit,
        String summary,
        LabourMarketEvidence labourMarketEvidence) {
}
