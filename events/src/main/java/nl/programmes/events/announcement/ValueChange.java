package nl.programmes.events.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One changed value of an amendment: what it was and what it became. */
@Serdeable
public record ValueChange<T>(@Nullable T before, @Nullable T after) {
}
