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
import jakarta.validation.constraints.Size;
import nl.programmes.events.announcement.LabourMarketEvidence;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the announcement lifecycle after the announcement itself. */
public final class AnnouncementRequests {

    static final String FORMS = AnnounceRequest.FORMS;

    private AnnouncementRequests() {
    }

    @Serdeable
    @Introspected
    public record EvidenceRequest(@NotBlank @Size(max = 8000) String text,
                                  @Nullable List<@NotBlank @Size(max = 500) String> sources) {
        LabourMarketEvidence toEvidence() {
            return new LabourMarketEvidence(text, sources == null ? List.of() : List.copyOf(sources));
        }
    }

    /** {@code PATCH /api/announcements/{id}}: only the fields present change. */
    @Serdeable
    @Introspected
    public record AmendRequest(
            @Nullable @Size(min = 1, max = 200) String programmeName,
            @Nullable @Size(min = 1, message = "must name at least one form")
            List<@NotBlank @Pattern(regexp = FORMS, message = "must be one of " + FORMS) String> forms,
            @Nullable @Size(min = 1, message = "must name at least one municipality")
            List<@NotBlank @Size(max = 100) String> candidateLocations,
            @Nullable @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a year and month, yyyy-MM")
            String intendedStart,
            @Nullable @Positive Integer capacityLimit,
            @Nullable Boolean clearCapacityLimit,
            @Nullable @Size(max = 4000) String summary,
            @Nullable @Valid EvidenceRequest labourMarketEvidence) {
    }

    @Serdeable
    @Introspected
    public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Serdeable
    @Introspected
    public record ApplicationRequest(
            @NotNull LocalDate submittedOn,
            @NotEmpty(message = "must name at least one location") List<@NotBlank String> locations,
            @NotEmpty(message = "must name at least one form")
            List<@NotBlank @Pattern(regexp = FORMS, message = "must be one of " + FORMS) String> forms) {
    }

    @Serdeable
    @Introspected
    public record ReviewOutcomeRequest(
            @NotBlank @Pattern(regexp = "POSITIVE|NEGATIVE", message = "must be POSITIVE or NEGATIVE") String advice,
            @Nullable LocalDate adviceDate,
            @NotBlank @Pattern(regexp = "APPROVED|REJECTED", message = "must be APPROVED or REJECTED") String decision,
            @NotNull LocalDate decisionDate) {
    }
}
