package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.ProgrammeForm;

import java.time.LocalDate;
import java.util.List;

/** The application filed with the national review: when, and for which locations and forms. */
public record SubmittedApplication(LocalDate submittedOn, List<String> locations, List<ProgrammeForm> forms) {
}
