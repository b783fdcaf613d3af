package nl.programmes.events.offering;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

/**
 * An ended offering runs on after all: its ending ({@link OfferingDiscontinued} with {@code ENDED}) is withdrawn, because
 * it was recorded by mistake or the institution decided to keep the programme. It takes intake figures for every year
 * again. One taken out as {@code REGISTERED_IN_ERROR} is not resumed (that is final). Topic programme-offerings, key =
 * offeringId, so it follows the ending it withdraws.
 */
@Serdeable
public record OfferingResumed(
        String offeringId,
        Actor actor) implements DomainEvent {

    @Override
    public String subject() {
        return offeringId;
    }
}
