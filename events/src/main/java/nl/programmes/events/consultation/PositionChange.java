package nl.programmes.events.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.announcement.ProgrammeForm;

/** One location's position before and after a revision; {@code previous} is null for a new one. */
@Serdeable
public record PositionChange(String location, @Nullable ProgrammeForm form, @Nullable LocationPosition previous,
                             LocationPosition current) {
}
