package nl.programmes.announcements.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.programmes.events.announcement.ProgrammeLevel;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/announcements}. Enumerations arrive as strings and are checked here, so an
 * unknown level is reported against its field like any other mistake.
 */
@Serdeable
@Introspected
public record AnnounceRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                message = "may hold letters, digits and . _ / - only") String reference,
        @NotBlank @Size(max = 64) String institution,
        @NotNull @Valid ProgrammeRequest programme,
        @NotEmpty(message = "must name at least one municipality")
        List<@NotBlank @Size(max = 100) String> candidateLocations,
        @NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a year and month, yyyy-MM")
        String intendedStart,
        @Nullable @Positive Integer capacityLimit,
        @Nullable @Size(max = 4000) String summary,
        @Nullable @Valid AnnouncementRequests.EvidenceRequest labourMarketEvidence) {

    public static final String ORIENTATIONS = "MBO|HBO|WO";
    public static final String FORMS = "VOLTIJD|DEELTIJD|DUAAL|BOL|BBL";

    @Serdeable
    @Introspected
    public record ProgrammeRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = ProgrammeLevel.NAMES, message = "must be one of " + ProgrammeLevel.NAMES) String level,
            @NotBlank @Pattern(regexp = ORIENTATIONS, message = "must be one of " + ORIENTATIONS) String orientation,
            @Nullable @Pattern(regexp = "[0-9]{5}", message = "must be a CROHO/ISAT code of 5 digits") String isatCode,
            @Nullable @Pattern(regexp = "[0-9]{5}", message = "must be a crebo code of 5 digits") String crebo,
            @NotEmpty(message = "must name at least one form")
            List<@NotBlank @Pattern(regexp = FORMS, message = "must be one of " + FORMS) String> forms,
            @NotBlank @Size(max = 40) String language,
            @NotNull @PositiveOrZero Integer studyLoadEc,
            @NotNull @Positive BigDecimal durationYears,
            @Nullable @Size(max = 100) String rioSector,
            @Nullable @Size(max = 200) String domain) {
    }
}
