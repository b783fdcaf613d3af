package nl.programmes.events.offering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/**
 * First-year intake of an offering for one study year. Small numbers are published suppressed
 * ("&lt;5"): then {@code suppressed} is true and {@code count} is null, never 0 or 5. A later report
 * for the same year corrects the earlier one.
 */
@Serdeable
public record IntakeReported(
        String offeringId,
        int studyYear,
        @Nullable Integer count,
        boolean suppressed,
        Actor actor) implements DomainEvent {

    @Override
    public String subject() {
        return offeringId;
    }
}
