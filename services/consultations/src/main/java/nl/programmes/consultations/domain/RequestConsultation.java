package nl.programmes.consultations.domain;

import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.consultation.ConsultationKind;

import java.time.LocalDate;
import java.util.List;

/** The command to consult an organisation; empty locations or forms mean all current candidates. */
public record RequestConsultation(String announcementId, String consultedOrganisationId, List<String> locations,
                                  List<ProgrammeForm> forms, ConsultationKind kind, LocalDate dueDate, String note) {
}
