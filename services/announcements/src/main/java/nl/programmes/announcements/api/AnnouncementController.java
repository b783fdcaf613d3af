package nl.programmes.announcements.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.programmes.announcements.application.AnnouncementService;
import nl.programmes.announcements.domain.AnnounceProgramme;
import nl.programmes.announcements.domain.Announcement;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;

import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;

/** Announcements of intended programmes. Thin: validates, checks who acts, delegates. */
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
    public HttpResponse<AnnouncementView> announce(@Body @Valid AnnounceRequest request, Authentication caller) {
        Actors.requireActsFor(caller, request.institution(), "announce programmes");
        Announcement announcement = service.announce(toCommand(request), Actors.of(caller));
        return HttpResponse.created(AnnouncementView.of(announcement),
                        URI.create("/api/announcements/" + announcement.id()))
                .header("ETag", etag(announcement));
    }

    @Get("/{id}")
    public HttpResponse<AnnouncementView> get(UUID id) {
        Announcement announcement = service.get(id);
        return HttpResponse.ok(AnnouncementView.of(announcement)).header("ETag", etag(announcement));
    }

    private static String etag(Announcement announcement) {
        return "\"" + announcement.version() + "\"";
    }

    private static AnnounceProgramme toCommand(AnnounceRequest request) {
        AnnounceRequest.ProgrammeRequest p = request.programme();
        Programme programme = new Programme(p.name().strip(), ProgrammeLevel.valueOf(p.level()),
                Orientation.valueOf(p.orientation()), p.isatCode(), p.crebo(),
                p.forms().stream().map(ProgrammeForm::valueOf).toList(), p.language(), p.studyLoadEc(),
                p.durationYears(), p.rioSector(), p.domain());
        return new AnnounceProgramme(request.reference(), request.institution(), programme,
                request.candidateLocations(), YearMonth.parse(request.intendedStart()), request.capacityLimit(),
                request.summary());
    }
}
