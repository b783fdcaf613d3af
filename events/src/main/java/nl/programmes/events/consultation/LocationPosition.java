package nl.programmes.events.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.announcement.ProgrammeForm;

import java.util.List;

/**
 * A position on one proposed location, optionally for one form only.
 *
 * @param provisional "for now": the organisation may revisit it
 * @param preferred   this location is preferred over the others
 */
@Serdeable
public record LocationPosition(
        String location,
        @Nullable ProgrammeForm form,
        PositionKind position,
        List<ObjectionGround> grounds,
        @Nullable String explanation,
        @Nullable String conditions,
        boolean provisional,
        boolean preferred) {

    /** An empty list is left out of the JSON body; reading it back gives an empty list, not null. */
    public LocationPosition {
        grounds = grounds == null ? List.of() : List.copyOf(grounds);
    }
}
