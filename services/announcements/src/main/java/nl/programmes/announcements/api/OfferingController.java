package nl.programmes.announcements.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.announcements.domain.IntakeFigure;
import nl.programmes.announcements.domain.IntakeTable;
import nl.programmes.announcements.domain.Offering;
import nl.programmes.announcements.offering.OfferingService;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.kit.command.IdempotentCommand;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.kit.problem.ForbiddenException;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Caller;
import nl.programmes.kit.security.Roles;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The register of existing offerings and their intake. */
@Controller("/api/offerings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OfferingController {

    private final OfferingService service;

    public OfferingController(OfferingService service) {
        this.service = service;
    }

    @Serdeable
    @Introspected
    public record RegisterOfferingRequest(
            @NotBlank @Size(max = 64) String institution,
            @NotBlank @Size(max = 200) String programmeName,
            @Nullable @Pattern(regexp = "[0-9]{5}", message = "must be a CROHO/ISAT code of 5 digits") String isatCode,
            @Nullable @Pattern(regexp = "[0-9]{5}", message = "must be a crebo code of 5 digits") String crebo,
            @NotBlank @Pattern(regexp = ProgrammeLevel.NAMES, message = "must be one of " + ProgrammeLevel.NAMES) String level,
            @NotBlank @Pattern(regexp = AnnounceRequest.FORMS, message = "must be one of " + AnnounceRequest.FORMS) String form,
            @Nullable @Size(max = 100) String location) {
    }

    @Serdeable
    @Introspected
    public record IntakeRequest(@NotNull @Min(1990) @Max(2100) Integer studyYear,
                                @NotBlank @Pattern(regexp = "[0-9]{1,6}|<5", message = "must be a whole number or <5")
                                String intake) {
    }

    /**
     * Takes an offering out of the register: {@code ENDED} with the last study year that takes first-year students, or
     * {@code REGISTERED_IN_ERROR} without one. Sent again for an ended offering with another year or as registered in
     * error, it corrects the ending; an offering registered in error stays so (a 422 naming {@code reason}).
     */
    @Serdeable
    @Introspected
    public record DiscontinueRequest(@NotBlank @Pattern(regexp = REASONS, message = "must be one of " + REASONS) String reason,
                                     @Nullable @Min(1990) @Max(2100) Integer lastIntakeYear) {
        static final String REASONS = "ENDED|REGISTERED_IN_ERROR";
    }

    /** Why and from when the offering left the register; absent while it runs. */
    @Serdeable
    public record DiscontinuedView(String reason, @Nullable Integer lastIntakeYear) {
    }

    @Serdeable
    public record OfferingView(String id, String institution, String programmeName, @Nullable String isatCode,
                               @Nullable String crebo, String level, String form, @Nullable String location,
                               Map<String, String> intake, @Nullable DiscontinuedView discontinued) {
        static OfferingView of(Offering o, Map<Integer, IntakeFigure> intake) {
            Map<String, String> figures = new LinkedHashMap<>();
            intake.forEach((year, figure) -> figures.put(year.toString(), figure.toString()));
            return new OfferingView(o.id().toString(), o.institutionId(), o.programmeName(), o.isatCode(), o.crebo(),
                    o.level().name(), o.form().name(), o.location(), figures, o.discontinued() == null ? null
                    : new DiscontinuedView(o.discontinued().reason().name(), o.discontinued().lastIntakeYear()));
        }
    }

    @Serdeable
    public record ImportReport(int rowsAccepted, int rowsRejected, int offeringsRegistered, int figuresReported,
                               List<AcceptedRow> accepted, List<RejectedRow> rejected) {
    }

    /**
     * A row left out: its line in the file, the column at fault ({@code field}: a header's name, a study year, or
     * "row"), what is wrong ({@code message}), and both as one text ({@code reason}).
     */
    @Serdeable
    public record RejectedRow(int line, String reason, String field, String message) {
        RejectedRow(int line, String field, String message) {
            this(line, field + ": " + message, field, message);
        }
    }

    /** A row taken in: the offering it names (its location as given, null for none), and what the import recorded of it. */
    @Serdeable
    public record AcceptedRow(int line, String offeringId, String institution, String programmeName, @Nullable String location,
                              boolean registered, int figuresReported) {
    }

    @Post
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<OfferingView> register(@Body @Valid RegisterOfferingRequest request, Authentication caller) {
        ProgrammeLevel level = ProgrammeLevel.valueOf(request.level());
        ProgrammeForm form = ProgrammeForm.valueOf(request.form());
        if (form.isMbo() != level.isMbo()) {
            throw new InvalidCommandException("form", form + " does not go with " + level);
        }
        OfferingService.Registration registration = service.register(new Offering(TimeOrderedIds.next(),
                request.institution(), request.programmeName().strip(), request.isatCode(), request.crebo(), level, form,
                request.location()), Actors.caller(caller));
        Offering offering = registration.offering();
        OfferingView view = OfferingView.of(offering, service.intakes(offering.id()));
        return registration.created()
                ? HttpResponse.created(view, URI.create("/api/offerings/" + offering.id()))
                : HttpResponse.ok(view);
    }

    @Get("/{id}")
    public OfferingView get(UUID id) {
        return OfferingView.of(service.get(id), service.intakes(id));
    }

    @Post("/{id}/discontinue")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<OfferingView> discontinue(UUID id, @Body @Valid DiscontinueRequest request, Authentication caller) {
        Offering offering = service.discontinue(id, OfferingDiscontinued.Reason.valueOf(request.reason()), request.lastIntakeYear(),
                Actors.caller(caller));
        return HttpResponse.ok(OfferingView.of(offering, service.intakes(id)));
    }

    /**
     * Withdraws an offering's ending: it runs on ({@code nl.programmes.offering.resumed.v1}). A DELETE of the ending, so
     * sent again it changes nothing; for one taken out as registered in error, a 422 naming {@code reason}.
     */
    @Delete("/{id}/discontinuation")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    public HttpResponse<OfferingView> resume(UUID id, Authentication caller) {
        Offering offering = service.resume(id, Actors.caller(caller));
        return HttpResponse.ok(OfferingView.of(offering, service.intakes(id)));
    }

    @Post("/{id}/intake")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    public OfferingView reportIntake(UUID id, @Body @Valid IntakeRequest request, Authentication caller) {
        service.reportIntake(id, request.studyYear(), IntakeFigure.parse("intake", request.intake()), Actors.caller(caller));
        return get(id);
    }

    /**
     * Imports an intake table (CSV). Each row is registered with its figures, or rejected with a
     * reason; importing the same file again changes nothing. Staff may import their own
     * institution's rows; admins any. With {@code dryRun=true} the report says what the import would do, and nothing
     * is written: an offering registered by mistake (a misspelt location) can only be taken out again one at a time
     * ({@code /discontinue}).
     */
    @Post(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    public ImportReport importTable(@Body String csv, @Nullable @QueryValue Boolean dryRun, Authentication authentication) {
        Caller caller = Actors.caller(authentication);
        IntakeTable.Parsed parsed = IntakeTable.parse(csv);
        List<AcceptedRow> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejections().stream()
                .map(r -> new RejectedRow(r.line(), r.field(), r.message())).toList());
        int registered = 0;
        int figures = 0;
        for (IntakeTable.Row row : parsed.rows()) {
            try {
                OfferingService.RowResult result = Boolean.TRUE.equals(dryRun) ? preview(row, caller) : service.importRow(row, caller);
                Offering offering = result.offering();
                accepted.add(new AcceptedRow(row.line(), offering.id().toString(), offering.institutionId(), offering.programmeName(),
                        offering.location(), result.created(), result.figuresReported()));
                registered += result.created() ? 1 : 0;
                figures += result.figuresReported();
            } catch (InvalidCommandException e) {
                IntakeTable.Rejection rejection = IntakeTable.Rejection.of(row.line(), e);
                rejected.add(new RejectedRow(row.line(), rejection.field(), rejection.message()));
            } catch (ForbiddenException e) {
                rejected.add(new RejectedRow(row.line(), "institution", e.getMessage()));
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportReport(accepted.size(), rejected.size(), registered, figures, accepted, rejected);
    }

    private OfferingService.RowResult preview(IntakeTable.Row row, Caller caller) {
        try {
            return service.previewRow(row, caller);
        } catch (OfferingService.Previewed previewed) {
            return previewed.result();
        }
    }
}
