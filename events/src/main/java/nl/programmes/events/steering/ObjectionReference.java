package nl.programmes.events.steering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.events.announcement.ProgrammeForm;

/** A specific recorded objection a decision rules on: consultation, location and optionally form. */
@Serdeable
public record ObjectionReference(String consultationId, String location, @Nullable ProgrammeForm form) {
}
