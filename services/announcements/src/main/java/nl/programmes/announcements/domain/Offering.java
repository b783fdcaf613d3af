package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;

import java.util.Locale;
import java.util.UUID;

/**
 * An existing offering in the register: one institution's programme in one form at one location.
 * Its natural key makes registering the same offering twice a no-op.
 */
public record Offering(UUID id, String institutionId, String programmeName, String isatCode, String crebo,
                       ProgrammeLevel level, ProgrammeForm form, String location) {

    public String naturalKey() {
        String code = isatCode != null ? isatCode : crebo != null ? crebo : programmeName;
        return String.join("|", institutionId, code, programmeName, form.name(), location == null ? "" : location)
                .toLowerCase(Locale.ROOT);
    }
}
