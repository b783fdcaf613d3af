package nl.programmes.overview.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import nl.programmes.kit.problem.Problems;
import nl.programmes.kit.security.Roles;
import nl.programmes.overview.rebuild.OverviewRebuild;

/** Rebuild the overview from offset 0 into fresh tables, switching over when caught up (runbook: "Rebuild"). */
@Controller("/api/overview/rebuild")
@Secured(Roles.ADMIN)
public class RebuildController {

    private final OverviewRebuild rebuild;
    private final Problems problems;

    public RebuildController(OverviewRebuild rebuild, Problems problems) {
        this.rebuild = rebuild;
        this.problems = problems;
    }

    @Post
    public HttpResponse<?> start(HttpRequest<?> request) {
        if (!rebuild.start()) {
            return problems.detail(request, HttpStatus.CONFLICT, null, "A rebuild is already running: " + rebuild.state());
        }
        return HttpResponse.accepted().body(rebuild.state());
    }

    @Get
    public OverviewRebuild.State state() {
        return rebuild.state();
    }
}
