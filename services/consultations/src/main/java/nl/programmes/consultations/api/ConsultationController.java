package nl.programmes.consultations.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.consultations.application.ConsultationService;
import nl.programmes.consultations.domain.Consultation;
import nl.programmes.consultations.domain.RecordPositions;
import nl.programmes.consultations.domain.RequestConsultation;
import nl.programmes.consultations.persistence.ConsultationRepository;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.kit.command.IdempotentCommand;
import nl.programmes.kit.problem.Versions;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Consultations: the announcing institution asks, the consulted organisation answers per location. */
@Controller("/api/consultations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsultationController {

    static final String FORMS = "VOLTIJD|DEELTIJD|DUAAL|BOL|BBL";
    static final String POSITIONS = "CONSENT|NO_OBJECTION|CONDITIONAL_CONSENT|OBJECTION|NOTED";
    static final String GROUNDS = "LABOUR_MARKET|REGIONAL_SPREAD|STUDENT_COMPETITION|OVERLAP|OTHER";

    private final ConsultationService service;

    public ConsultationController(ConsultationService service) {
        this.service = service;
    }

    @Serdeable
    @Introspected
    public record ConsultationRequest(
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an announcement id") String announcementId,
            @NotBlank @Size(max = 64) String consultedOrganisation,
            @Nullable List<@NotBlank String> locations,
            @Nullable List<@Pattern(regexp = FORMS, message = "must be one of " + FORMS) String> forms,
            @NotBlank @Pattern(regexp = "BILATERAL|REGIONAL_BOARD", message = "must be BILATERAL or REGIONAL_BOARD") String kind,
            @Nullable LocalDate dueDate,
            @Nullable @Size(max = 4000) String note) {
    }

    @Serdeable
    @Introspected
    public record PositionRequest(
            @NotBlank String location,
            @Nullable @Pattern(regexp = FORMS, message = "must be one of " + FORMS) String form,
            @NotBlank @Pattern(regexp = POSITIONS, message = "must be one of " + POSITIONS) String position,
            @Nullable List<@Pattern(regexp = GROUNDS, message = "must be one of " + GROUNDS) String> grounds,
            @Nullable @Size(max = 4000) String explanation,
            @Nullable @Size(max = 4000) String conditions,
            @Nullable Boolean provisional,
            @Nullable Boolean preferred) {

        LocationPosition toPosition() {
            return new LocationPosition(location.strip(), form == null ? null : ProgrammeForm.valueOf(form),
                    PositionKind.valueOf(position), grounds == null ? List.of() : grounds.stream().map(ObjectionGround::valueOf).toList(),
                    explanation, conditions, Boolean.TRUE.equals(provisional), Boolean.TRUE.equals(preferred));
        }
    }

    @Serdeable
    @Introspected
    public record PositionsRequest(
            @NotNull LocalDate meetingDate,
            @Nullable @Size(max = 8000) String summary,
            @Nullable @Size(max = 8000) String agreements,
            @NotEmpty(message = "must give a position for at least one location") List<@Valid PositionRequest> positions) {
    }

    @Serdeable
    public record ConsultationView(String id, String announcementId, String institution, String consultedOrganisation,
                                   String kind, List<String> locations, List<String> forms, List<String> droppedLocations,
                                   @Nullable LocalDate dueDate, @Nullable String note, String status, int revision,
                                   List<LocationPosition> positions, List<String> awaiting, boolean overdue,
                                   @Nullable LocalDate meetingDate, @Nullable String summary, @Nullable String agreements,
                                   int version) {
        static ConsultationView of(Consultation c, LocalDate today) {
            return new ConsultationView(c.id().toString(), c.announcementId(), c.institutionId(), c.consultedOrganisationId(),
                    c.kind().name(), c.locations(), c.forms().stream().map(Enum::name).toList(), c.droppedLocations(),
                    c.dueDate(), c.note(), c.status().name(), c.revision(), c.currentPositions(), c.awaiting(),
                    c.isOverdue(today), c.meetingDate(), c.summary(), c.agreements(), c.version());
        }
    }

    @Post
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<ConsultationView> request(@Body @Valid ConsultationRequest request, Authentication caller) {
        Consultation consultation = service.request(new RequestConsultation(request.announcementId(),
                request.consultedOrganisation(), request.locations() == null ? List.of() : request.locations(),
                request.forms() == null ? List.of() : request.forms().stream().map(ProgrammeForm::valueOf).toList(),
                ConsultationKind.valueOf(request.kind()), request.dueDate(), request.note()), Actors.caller(caller));
        return HttpResponse.created(view(consultation), URI.create("/api/consultations/" + consultation.id()))
                .header("ETag", Versions.etag(consultation.version()));
    }

    /** Positions of the consulted organisation; the first time the outcome, afterwards a revision. */
    @Put("/{id}/positions")
    @Secured({Roles.CONSULTEE, Roles.STEERING_MEMBER})
    @IdempotentCommand
    public HttpResponse<ConsultationView> recordPositions(UUID id, @Nullable @Header("If-Match") String ifMatch,
                                                          @Body @Valid PositionsRequest request, Authentication caller) {
        Consultation consultation = service.recordPositions(id, new RecordPositions(request.meetingDate(), request.summary(),
                        request.agreements(), request.positions().stream().map(PositionRequest::toPosition).toList()),
                Versions.fromIfMatch(ifMatch), Actors.caller(caller));
        return HttpResponse.ok(view(consultation)).header("ETag", Versions.etag(consultation.version()));
    }

    @Get("/{id}")
    public HttpResponse<ConsultationView> get(UUID id) {
        Consultation consultation = service.get(id);
        return HttpResponse.ok(view(consultation)).header("ETag", Versions.etag(consultation.version()));
    }

    /** By announcement, by consulted organisation ("what waits for my answer") and by status. */
    @Get
    public List<ConsultationView> list(@Nullable @QueryValue String announcement, @Nullable @QueryValue String consulted,
                                       @Nullable @QueryValue @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED") String status) {
        return service.list(announcement, consulted, status).stream().map(this::view).toList();
    }

    @Get("/{id}/revisions")
    public List<ConsultationRepository.Revision> revisions(UUID id) {
        return service.revisions(id);
    }

    private ConsultationView view(Consultation consultation) {
        return ConsultationView.of(consultation, service.today());
    }
}
