package nl.programmes.announcements.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.programmes.announcements.domain.AnnouncementRules;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.problem.BodyRules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The announcement's stateless rules read from request bodies that broke their constraints, so the answer names
 * the domain's mistakes too (see {@link BodyRules}). The rules themselves are the domain's {@link AnnouncementRules}.
 */
@Factory
class AnnouncementBodyRules {

    @Singleton
    BodyRules<AnnounceRequest> announce(Clock clock) {
        return BodyRules.of(AnnounceRequest.class, (request, violations) -> {
            AnnounceRequest.ProgrammeRequest programme = request.programme();
            if (programme != null) {
                Orientation orientation = BodyRules.constant(Orientation.class, programme.orientation());
                AnnouncementRules.levelFitsOrientation(BodyRules.constant(ProgrammeLevel.class, programme.level()),
                        orientation, violations);
                AnnouncementRules.codes(orientation, programme.isatCode(), programme.crebo(), violations);
                AnnouncementRules.forms("programme.forms", orientation, forms(programme.forms()), violations);
            }
            AnnouncementRules.startNotPast(month(request.intendedStart()), YearMonth.now(clock), violations);
            AnnouncementRules.distinctLocations("candidateLocations", request.candidateLocations(), violations);
        });
    }

    @Singleton
    BodyRules<AnnouncementRequests.AmendRequest> amend() {
        // Whether a form fits the programme's orientation needs the stored announcement: the command answers it.
        return BodyRules.of(AnnouncementRequests.AmendRequest.class, (request, violations) -> {
            AnnouncementRules.distinctForms("forms", forms(request.forms()), violations);
            AnnouncementRules.distinctLocations("candidateLocations", request.candidateLocations(), violations);
        });
    }

    @Singleton
    BodyRules<AnnouncementRequests.ApplicationRequest> application(Clock clock) {
        return BodyRules.of(AnnouncementRequests.ApplicationRequest.class, (request, violations) -> {
            AnnouncementRules.notInFuture("submittedOn", request.submittedOn(), LocalDate.now(clock), violations);
            AnnouncementRules.distinctLocations("locations", request.locations(), violations);
            AnnouncementRules.distinctForms("forms", forms(request.forms()), violations);
        });
    }

    @Singleton
    BodyRules<AnnouncementRequests.ReviewOutcomeRequest> review(Clock clock) {
        return BodyRules.of(AnnouncementRequests.ReviewOutcomeRequest.class, (request, violations) ->
                AnnouncementRules.reviewDates(request.adviceDate(), request.decisionDate(), LocalDate.now(clock), violations));
    }

    /** The forms as named, an unknown one as null (its constraint names it). */
    private static List<ProgrammeForm> forms(List<String> names) {
        return names == null ? null : names.stream().map(name -> BodyRules.constant(ProgrammeForm.class, name)).toList();
    }

    private static YearMonth month(String text) {
        try {
            return text == null ? null : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
