package nl.programmes.consultations.domain;

import nl.programmes.events.announcement.ProgrammeForm;

import java.util.List;

/** What this service knows of an announcement, kept from the announcement events. */
public record AnnouncementReplica(String id, String institutionId, String reference, String programmeName,
                                  List<String> candidateLocations, List<ProgrammeForm> forms, String status,
                                  int version) {

    public boolean isOpenForConsultation() {
        return "ANNOUNCED".equals(status) || "SUBMITTED".equals(status);
    }
}
