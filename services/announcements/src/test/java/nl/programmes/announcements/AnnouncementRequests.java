package nl.programmes.announcements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for tests, starting from the demo case's A24-056. */
final class AnnouncementRequests {

    private AnnouncementRequests() {
    }

    static Map<String, Object> smartMediaProduction(String reference) {
        Map<String, Object> programme = new HashMap<>();
        programme.put("name", "Smart Media Production");
        programme.put("level", "ASSOCIATE_DEGREE");
        programme.put("orientation", "HBO");
        programme.put("isatCode", "80179");
        programme.put("forms", List.of("VOLTIJD", "DEELTIJD"));
        programme.put("language", "nl");
        programme.put("studyLoadEc", 120);
        programme.put("durationYears", 2);
        programme.put("rioSector", "Techniek");
        programme.put("domain", "Ad cluster Creatieve Industrie");
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("institution", "saxion");
        body.put("programme", programme);
        body.put("candidateLocations", List.of("Enschede", "Deventer", "Apeldoorn"));
        body.put("intendedStart", "2030-09");
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> programmeOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("programme");
    }
}
