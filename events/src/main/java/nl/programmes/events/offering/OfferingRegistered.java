package nl.programmes.events.offering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;

/**
 * An existing programme offering entered the register: what neighbours already offer, so the
 * overview can set announcements beside it. One offering is one programme, form and location.
 */
@Serdeable
public record OfferingRegistered(
        String offeringId,
        String institutionId,
        String programmeName,
        @Nullable String isatCode,
        @Nullable String crebo,
        ProgrammeLevel level,
        ProgrammeForm form,
        @Nullable String location,
        Actor actor) implements DomainEvent {

    @Override
    public String subject() {
        return offeringId;
    }
}
