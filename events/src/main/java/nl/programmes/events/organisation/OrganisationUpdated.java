package nl.programmes.events.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

import java.util.List;

/** An organisation's directory entry changed; carries the whole new entry and its version. */
@Serdeable
public record OrganisationUpdated(
        String organisationId,
        int version,
        String name,
        OrganisationKind kind,
        @Nullable String brin,
        @Nullable String kvk,
        List<String> locations,
        @Nullable String region,
        Actor actor) implements DomainEvent {

    @Override
    public String subject() {
        return organisationId;
    }
}
