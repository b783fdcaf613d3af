package nl.programmes.events.steering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

import java.time.LocalDate;
import java.util.List;

/** A committee met: which announcements were on the agenda, the minutes, and the decisions taken. */
@Serdeable
public record SteeringMeetingHeld(
        String meetingId,
        String committeeId,
        LocalDate meetingDate,
        List<String> agenda,
        @Nullable String minutes,
        List<String> decisionIds,
        Actor actor) implements DomainEvent {

    public SteeringMeetingHeld {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        decisionIds = decisionIds == null ? List.of() : List.copyOf(decisionIds);
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
