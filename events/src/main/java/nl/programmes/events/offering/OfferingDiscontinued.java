package nl.programmes.events.offering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/**
 * An offering left the register. {@link Reason#ENDED}: the institution stops the programme at that location and form;
 * {@code lastIntakeYear} is the last study year that takes first-year students, and its intake figures stay history.
 * {@link Reason#REGISTERED_IN_ERROR}: it never existed (a misspelt location, a wrong form), so the overview stops
 * showing it; {@code lastIntakeYear} is null. Nothing about the offering changes afterwards.
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
