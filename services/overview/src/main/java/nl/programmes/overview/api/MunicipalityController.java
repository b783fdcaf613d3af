package nl.programmes.overview.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.Problems;
import nl.programmes.kit.security.Roles;
import nl.programmes.overview.read.ReadModelChanges;
import nl.programmes.overview.read.Views;
import nl.programmes.overview.rebuild.OverviewRebuild;
import nl.programmes.overview.reference.MunicipalityTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The municipality table the overview places programmes by. Everyone signed in reads it (a form or an import warns
 * of a place it does not hold); an administrator adds a place, or moves one, so the programmes shown under "region
 * unknown" find their province at once.
 */
@Controller("/api/overview/municipalities")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MunicipalityController {

    private static final Logger LOG = LoggerFactory.getLogger(MunicipalityController.class);

    private final MunicipalityTable table;
    private final ReadModelChanges changes;
    private final OverviewRebuild rebuild;
    private final Problems problems;

    public MunicipalityController(MunicipalityTable table, ReadModelChanges changes, OverviewRebuild rebuild, Problems problems) {
        this.table = table;
        this.changes = changes;
        this.rebuild = rebuild;
        this.problems = problems;
    }

    @Serdeable
    @Introspected
    public record PlaceRequest(@NotBlank @Size(max = 40) String province, @Nullable @Size(max = 80) String labourMarketRegion) {
    }

    @Get
    public Views.Municipalities all() {
        return table.all();
    }

    /**
     * Places the municipality in a province the table holds (a new province is a typo, named as such), and its
     * labour-market region if given. Refused while a rebuild runs: it copied the table at its start, and would switch
     * over to that copy. The check and the write hold the rebuild's lock, so a rebuild cannot start between them.
     */
    @Put("/{municipality}")
    @Secured(Roles.ADMIN)
    public HttpResponse<?> place(HttpRequest<?> request, String municipality, @Body @Valid PlaceRequest place, Authentication caller) {
        String name = municipality.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidCommandException("municipality", "must be a name of 1 to 100 characters");
        }
        List<String> provinces = table.provinces();
        String province = place.province().strip();
        if (!provinces.contains(province)) {
            throw new InvalidCommandException("province", "is not one of the table's provinces (" + String.join(", ", provinces) + ")");
        }
        String region = place.labourMarketRegion() == null || place.labourMarketRegion().isBlank() ? null : place.labourMarketRegion().strip();
        java.util.Optional<Boolean> written = rebuild.unlessRebuilding(() -> table.put(name, province, region));
        if (written.isEmpty()) {
            return problems.detail(request, HttpStatus.CONFLICT, null,
                    "A rebuild is running and copied the municipality table at its start; change it after the switch-over");
        }
        boolean added = written.get();
        changes.changedEverything(); // the regional pages and cached answers place programmes by it
        LOG.info("{} {} {} in {} ({})", caller.getName(), added ? "added" : "moved", name, province, region == null ? "no labour-market region" : region);
        Views.KnownMunicipality placed = new Views.KnownMunicipality(name, province, region);
        return added ? HttpResponse.created(placed) : HttpResponse.ok(placed);
    }
}
