package nl.programmes.announcements.domain;

import io.micronaut.core.annotation.Nullable;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;

import java.util.Locale;
import java.util.UUID;

/**
 * An existing offering in the register: one institution's programme in one form at one location.
 * Its natural key makes registering the same offering twice a no-op. {@code discontinued} is null while it runs.
 */
public record Offering(UUID id, String institutionId, String programmeName, String isatCode, String crebo,
                       ProgrammeLevel level, ProgrammeForm form, String location, @Nullable Discontinuation discontinued) {

    /** An offering as registered, running. */
    public Offering(UUID id, String institutionId, String programmeName, String isatCode, String crebo,
                    ProgrammeLevel level, ProgrammeForm form, String location) {
        this(id, institutionId, programmeName, isatCode, crebo, level, form, location, null);
    }

    /** The same offering, taken out of the register. */
    public Offering discontinued(Discontinuation discontinuation) {
        return new Offering(id, institutionId, programmeName, isatCode, crebo, level, form, location, discontinuation);
    }

    /**
     * @throws nl.programmes.kit.problem.InvalidCommandException when a discontinued offering takes no figure for the year
     */
    public void requireTakesIntake(int studyYear) {
        if (discontinued != null) {
            discontinued.requireTakes(studyYear);
        }
    }

    public String naturalKey() {
        String code = isatCode != null ? isatCode : crebo != null ? crebo : programmeName;
        return String.join("|", institutionId, code, programmeName, form.name(), location == null ? "" : location)
                .toLowerCase(Locale.ROOT);
    }
}
