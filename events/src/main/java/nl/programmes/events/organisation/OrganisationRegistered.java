package nl.programmes.events.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.Actor;
import nl.programmes.events.DomainEvent;

import java.util.List;

/**
 * An organisation joined the directory. Services that need names or kinds keep a replica from these.
 *
 * @param brin      BRIN / institution code, e.g. {@code 23AH}
 * @param kvk       Chamber of Commerce number
 * @param locations municipalities where it is established
 */
@Serdeable
public record OrganisationRegistered(
        String organisationId,
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
