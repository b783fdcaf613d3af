package nl.programmes.events.announcement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The programme an institution intends to start, as announced.
 *
 * @param isatCode CROHO/ISAT code (5 digits) for hbo and wo programmes
 * @param crebo    crebo code for mbo programmes
 */
@Serdeable
public record Programme(
        String name,
        ProgrammeLevel level,
        Orientation orientation,
        @Nullable String isatCode,
        @Nullable String crebo,
        List<ProgrammeForm> forms,
        String language,
        int studyLoadEc,
        BigDecimal durationYears,
        @Nullable String rioSector,
        @Nullable String domain) {
}
