package nl.programmes.portal.identity.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.kit.problem.BodyRules;
import nl.programmes.kit.problem.Versions;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;

import java.net.URI;
import java.util.List;

/** The organisation directory. Everyone signed in reads it; admins register and edit. */
@Controller("/api/organisations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganisationController {

    static final String KINDS = "HBO_INSTITUTION|WO_INSTITUTION|MBO_COLLEGE|PARTNER_SCHOOL|STEERING_COMMITTEE|OTHER";

    private final DirectoryService directory;

    public OrganisationController(DirectoryService directory) {
        this.directory = directory;
    }

    @Serdeable
    @Introspected
    public record OrganisationRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be lower-case letters, digits and dashes") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = KINDS, message = "must be one of " + KINDS) String kind,
            @Nullable @Pattern(regexp = "[0-9]{2}[A-Z]{2}", message = "must be a BRIN code such as 23AH") String brin,
            @Nullable @Pattern(regexp = "[0-9]{8}", message = "must be a KvK number of 8 digits") String kvk,
            @NotNull List<@NotBlank @Size(max = 100) String> locations,
            @Nullable @Size(max = 100) String region) {

        Organisation toOrganisation(int version) {
            return Organisation.of(id, name, OrganisationKind.valueOf(kind), brin, kvk, locations, region, version);
        }
    }

    /** The entry's rules, run too when the request is malformed, so one answer names every mistake. */
    @Factory
    static class OrganisationRules {
        @Singleton
        BodyRules<OrganisationRequest> organisation() {
            return BodyRules.of(OrganisationRequest.class, (request, violations) -> Organisation.check(
                    BodyRules.constant(OrganisationKind.class, request.kind()), request.brin(), request.locations(), violations));
        }
    }

    @Serdeable
    public record OrganisationView(String id, String name, String kind, @Nullable String brin, @Nullable String kvk,
                                   List<String> locations, @Nullable String region, int version) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.kind().name(), o.brin(), o.kvk(), o.locations(), o.region(),
                    o.version());
        }
    }

    @Get
    public List<OrganisationView> list() {
        return directory.all().stream().map(OrganisationView::of).toList();
    }

    @Get("/{id}")
    public HttpResponse<OrganisationView> get(String id) {
        Organisation organisation = directory.get(id);
        return HttpResponse.ok(OrganisationView.of(organisation)).header("ETag", Versions.etag(organisation.version()));
    }

    @Post
    @Secured(Roles.ADMIN)
    public HttpResponse<OrganisationView> register(@Body @Valid OrganisationRequest request, Authentication caller) {
        Organisation organisation = directory.register(request.toOrganisation(1), Actors.caller(caller));
        return HttpResponse.created(OrganisationView.of(organisation), URI.create("/api/organisations/" + organisation.id()))
                .header("ETag", Versions.etag(organisation.version()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    public HttpResponse<OrganisationView> update(String id, @Nullable @Header("If-Match") String ifMatch,
                                                 @Body @Valid OrganisationRequest request, Authentication caller) {
        int expected = Versions.requiredIfMatch(ifMatch);
        if (!id.equals(request.id())) {
            throw new nl.programmes.kit.problem.InvalidCommandException("id", "must match the address (" + id + ")");
        }
        Organisation organisation = directory.update(request.toOrganisation(expected), expected, Actors.caller(caller));
        return HttpResponse.ok(OrganisationView.of(organisation)).header("ETag", Versions.etag(organisation.version()));
    }
}
