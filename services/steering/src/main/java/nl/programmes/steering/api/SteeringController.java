package nl.programmes.steering.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.steering.Decision;
import nl.programmes.events.steering.ObjectionReference;
import nl.programmes.kit.command.IdempotentCommand;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;
import nl.programmes.steering.application.SteeringService;
import nl.programmes.steering.domain.RecordDecision;
import nl.programmes.steering.persistence.SteeringRepository;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Steering-committee decisions, meetings and the agenda of what awaits a decision. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SteeringController {

    static final String DECISIONS = "NOTED|ENDORSED|ADVISES_AGAINST|FURTHER_CONSULTATION_REQUESTED|APPROVED|REJECTED";

    private final SteeringService service;

    public SteeringController(SteeringService service) {
        this.service = service;
    }

    @Serdeable
    @Introspected
    public record ObjectionRequest(@NotBlank String consultationId, @NotBlank String location,
                                   @Nullable @Pattern(regexp = "VOLTIJD|DEELTIJD|DUAAL|BOL|BBL") String form) {
    }

    @Serdeable
    @Introspected
    public record DecisionRequest(
            @NotBlank String committee,
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an announcement id") String announcementId,
            @NotNull LocalDate meetingDate,
            @NotBlank @Pattern(regexp = DECISIONS, message = "must be one of " + DECISIONS) String decision,
            @Nullable List<@NotBlank String> locations,
            @Nullable @Size(max = 8000) String rationale,
            @Nullable List<@Valid ObjectionRequest> rulesOn,
            @Nullable String corrects) {
    }

    @Serdeable
    @Introspected
    public record MeetingRequest(@NotBlank String committee, @NotNull LocalDate meetingDate,
                                 @Nullable List<String> agenda, @Nullable @Size(max = 50000) String minutes,
                                 @Nullable List<String> decisions) {
    }

    @Post("/steering-decisions")
    @Secured(Roles.STEERING_MEMBER)
    @IdempotentCommand
    public HttpResponse<SteeringRepository.DecisionRow> record(@Body @Valid DecisionRequest request, Authentication caller) {
        List<ObjectionReference> rulesOn = request.rulesOn() == null ? List.of() : request.rulesOn().stream()
                .map(o -> new ObjectionReference(o.consultationId(), o.location(), o.form() == null ? null : ProgrammeForm.valueOf(o.form())))
                .toList();
        SteeringRepository.DecisionRow row = service.record(new RecordDecision(request.committee(), request.announcementId(),
                request.meetingDate(), Decision.valueOf(request.decision()),
                request.locations() == null ? List.of() : request.locations(), request.rationale(), rulesOn,
                request.corrects()), Actors.caller(caller));
        return HttpResponse.created(row, URI.create("/api/steering-decisions?announcement=" + row.announcementId()));
    }

    /** Decisions by announcement, by committee or by meeting. */
    @Get("/steering-decisions")
    public List<SteeringRepository.DecisionRow> decisions(@Nullable @QueryValue String announcement,
                                                          @Nullable @QueryValue String committee,
                                                          @Nullable @QueryValue String meeting) {
        return service.decisions(announcement, committee, meeting);
    }

    @Post("/steering-meetings")
    @Secured(Roles.STEERING_MEMBER)
    @IdempotentCommand
    public HttpResponse<SteeringRepository.MeetingRow> meeting(@Body @Valid MeetingRequest request, Authentication caller) {
        SteeringRepository.MeetingRow meeting = service.holdMeeting(request.committee(), request.meetingDate(),
                request.agenda() == null ? List.of() : request.agenda(), request.minutes(),
                request.decisions() == null ? List.of() : request.decisions(), Actors.caller(caller));
        return HttpResponse.created(meeting, URI.create("/api/steering-meetings/" + meeting.id()));
    }

    /** A committee's meetings with their minutes, latest first. */
    @Get("/steering-meetings")
    public List<SteeringRepository.MeetingRow> meetings(@QueryValue String committee) {
        return service.meetings(committee);
    }

    @Get("/steering-meetings/{id}")
    public SteeringRepository.MeetingRow meeting(String id) {
        return service.meeting(id);
    }

    /** Announcements with open objections that the committee has not yet decided on. */
    @Get("/steering-agenda")
    public List<SteeringRepository.AgendaItem> agenda(@QueryValue String committee) {
        return service.agenda(committee);
    }
}
