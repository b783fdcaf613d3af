package nl.programmes.announcements.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.announcements.application.AnnouncementService;
import nl.programmes.announcements.domain.AmendAnnouncement;
import nl.programmes.announcements.domain.AnnounceProgramme;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.announcements.domain.AnnouncementStatus;
import nl.programmes.announcements.domain.ReviewOutcome;
import nl.programmes.announcements.domain.SubmittedApplication;
import nl.programmes.announcements.persistence.AnnouncementRepository;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.announcement.ReviewOutcomeRecorded;
import nl.programmes.kit.command.IdempotentCommand;
import nl.programmes.kit.problem.Versions;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Announcements of intended programmes and their lifecycle. Thin: validates, delegates. */
@Controller("/api/announcements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AnnouncementController {

    private final AnnouncementService service;

    public AnnouncementController(AnnouncementService service) {
        this.service = service;
    }

    @Post
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<AnnouncementView> announce(@Body @Valid AnnounceRequest request, Authentication caller) {
        Announcement announcement = service.announce(toCommand(request), Actors.caller(caller));
        return HttpResponse.created(AnnouncementView.of(announcement),
                        URI.create("/api/announcements/" + announcement.id()))
                .header("ETag", Versions.etag(announcement.version()));
    }

    @Get("/{id}")
    public HttpResponse<AnnouncementView> get(UUID id) {
        return view(service.get(id));
    }

    /**
     * A page of announcements, newest first.
     *
     * @param q words of the programme's name (smart media), or the reference (A24-056), in any case
     */
    @Get
    public AnnouncementPage list(@Nullable @QueryValue @Size(max = 200) String q, @Nullable @QueryValue String institution,
                                 @Nullable @QueryValue @Pattern(regexp = "ANNOUNCED|WITHDRAWN|SUBMITTED|APPROVED|REJECTED",
                                         message = "must be one of ANNOUNCED|WITHDRAWN|SUBMITTED|APPROVED|REJECTED") String status,
                                 @Nullable @QueryValue @Pattern(regexp = ProgrammeLevel.NAMES,
                                         message = "must be one of " + ProgrammeLevel.NAMES) String level,
                                 @Nullable @QueryValue String location,
                                 @Nullable @QueryValue @Min(2000) @Max(2100) Integer startYear,
                                 @QueryValue(defaultValue = "0") @Min(0) int page,
                                 @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        AnnouncementRepository.Page result = service.list(new AnnouncementRepository.Filter(institution,
                status == null ? null : AnnouncementStatus.valueOf(status), level, location, startYear, q), page, size);
        return new AnnouncementPage(result.items().stream().map(AnnouncementView::of).toList(), page, size, result.total());
    }

    @Get("/{id}/history")
    public List<AnnouncementRepository.HistoryEntry> history(UUID id) {
        return service.history(id);
    }

    /** Amends the announcement; requires If-Match with the ETag last read (412 when stale, 428 when absent). */
    @Patch("/{id}")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<AnnouncementView> amend(UUID id, @Nullable @Header("If-Match") String ifMatch,
                                                @Body @Valid AnnouncementRequests.AmendRequest request,
                                                Authentication caller) {
        int expected = Versions.requiredIfMatch(ifMatch);
        AmendAnnouncement command = new AmendAnnouncement(request.programmeName(),
                request.forms() == null ? null : request.forms().stream().map(ProgrammeForm::valueOf).toList(),
                request.candidateLocations(),
                request.intendedStart() == null ? null : YearMonth.parse(request.intendedStart()),
                request.capacityLimit(), Boolean.TRUE.equals(request.clearCapacityLimit()), request.summary(),
                request.labourMarketEvidence() == null ? null : request.labourMarketEvidence().toEvidence());
        return view(service.amend(id, command, expected, Actors.caller(caller)));
    }

    @Post("/{id}/withdrawal")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<AnnouncementView> withdraw(UUID id, @Nullable @Header("If-Match") String ifMatch,
                                                   @Body @Valid AnnouncementRequests.WithdrawRequest request,
                                                   Authentication caller) {
        return view(service.withdraw(id, request.reason(), Versions.fromIfMatch(ifMatch), Actors.caller(caller)));
    }

    @Post("/{id}/application")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<AnnouncementView> submitApplication(UUID id, @Nullable @Header("If-Match") String ifMatch,
                                                            @Body @Valid AnnouncementRequests.ApplicationRequest request,
                                                            Authentication caller) {
        SubmittedApplication application = new SubmittedApplication(request.submittedOn(), request.locations(),
                request.forms().stream().map(ProgrammeForm::valueOf).toList());
        return view(service.submitApplication(id, application, Versions.fromIfMatch(ifMatch), Actors.caller(caller)));
    }

    @Post("/{id}/review-outcome")
    @Secured({Roles.INSTITUTION_STAFF, Roles.ADMIN})
    @IdempotentCommand
    public HttpResponse<AnnouncementView> recordReviewOutcome(UUID id, @Nullable @Header("If-Match") String ifMatch,
                                                              @Body @Valid AnnouncementRequests.ReviewOutcomeRequest request,
                                                              Authentication caller) {
        ReviewOutcome outcome = new ReviewOutcome(ReviewOutcomeRecorded.Advice.valueOf(request.advice()),
                request.adviceDate(), ReviewOutcomeRecorded.MinisterDecision.valueOf(request.decision()),
                request.decisionDate());
        return view(service.recordReviewOutcome(id, outcome, Versions.fromIfMatch(ifMatch), Actors.caller(caller)));
    }

    private static HttpResponse<AnnouncementView> view(Announcement announcement) {
        return HttpResponse.ok(AnnouncementView.of(announcement)).header("ETag", Versions.etag(announcement.version()));
    }

    private static AnnounceProgramme toCommand(AnnounceRequest request) {
        AnnounceRequest.ProgrammeRequest p = request.programme();
        Programme programme = new Programme(p.name().strip(), ProgrammeLevel.valueOf(p.level()),
                Orientation.valueOf(p.orientation()), p.isatCode(), p.crebo(),
                p.forms().stream().map(ProgrammeForm::valueOf).toList(), p.language(), p.studyLoadEc(),
                p.durationYears(), p.rioSector(), p.domain());
        return new AnnounceProgramme(request.reference(), request.institution(), programme,
                request.candidateLocations(), YearMonth.parse(request.intendedStart()), request.capacityLimit(),
                request.summary(), request.labourMarketEvidence() == null ? null
                : request.labourMarketEvidence().toEvidence());
    }

    /** One page of the list. */
    @Serdeable
    public record AnnouncementPage(List<AnnouncementView> items, int page, int size, long total) {
    }
}
