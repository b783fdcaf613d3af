package nl.programmes.steering.domain;

import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.ObjectionReference;

import java.time.LocalDate;
import java.util.List;

/** A committee's decision as a member records it; {@code corrects} names the decision it replaces, if any. */
public record RecordDecision(String committeeId, String announcementId, LocalDate meetingDate, Decision decision,
                             List<String> locations, String rationale, List<ObjectionReference> rulesOn, String corrects) {
}
