package nl.programmes.events.offering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/**
 * An offering left the register. {@link Reason#ENDED}: the institution stops the programme at that location and form;
 * {@code lastIntakeYear} is the last study year that takes first-year students, and its intake figures stay history.
 * {@link Reason#REGISTERED_IN_ERROR}: it never existed (a misspelt location, a wrong form), so the overview stops
 * showing it; {@code lastIntakeYear} is null. A later event for the same offering corrects an ended one (a wrong last
 * intake year, or registered in error after all): the latest applies, as for {@link IntakeReported}. After
 * {@link Reason#REGISTERED_IN_ERROR} none follows.
 */
@Serdeable
public record OfferingDiscontinued(
        String offeringId,
        Reason reason,
        @Nullable Integer lastIntakeYear,
        Actor actor) implements DomainEvent {

    public enum Reason {
        ENDED,
        REGISTERED_IN_ERROR
    }

    @Override
    public String subject() {
        return offeringId;
    }
}
