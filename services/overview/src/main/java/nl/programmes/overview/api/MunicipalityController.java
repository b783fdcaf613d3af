package nl.programmes.overview.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.kit.problem.Problems;
import nl.programmes.kit.security.Roles;
import nl.programmes.overview.read.ReadModelChanges;
import nl.programmes.overview.read.Views;
import nl.programmes.overview.rebuild.OverviewRebuild;
import nl.programmes.overview.read.RegionalSnapshot;
import nl.programmes.overview.reference.MunicipalityFile;
import nl.programmes.overview.reference.MunicipalityImport;
import nl.programmes.overview.reference.MunicipalityTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The municipality table the overview places programmes by. Everyone signed in reads it (a form or an import warns
 * of a place it does not hold); an administrator adds a place, or moves one, so the programmes shown under "region
 * unknown" find their province at once.
 */
@Controller("/api/overview")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MunicipalityController {

    private static final Logger LOG = LoggerFactory.getLogger(MunicipalityController.class);

    private final MunicipalityTable table;
    private final ReadModelChanges changes;
    private final OverviewRebuild rebuild;
    private final Problems problems;
    private final RegionalSnapshot regional;

    public MunicipalityController(MunicipalityTable table, ReadModelChanges changes, OverviewRebuild rebuild, Problems problems,
                                  RegionalSnapshot regional) {
        this.table = table;
        this.regional = regional;
        this.changes = changes;
        this.rebuild = rebuild;
        this.problems = problems;
    }

    @Serdeable
    @Introspected
    public record PlaceRequest(@NotBlank @Size(max = 40) String province, @Nullable @Size(max = 80) String labourMarketRegion) {
    }

    @Get("/municipalities")
    public Views.Municipalities all() {
        return table.all();
    }

    /**
     * The table as a file, in the columns its import reads (municipality, province, labour market region): an operator
     * downloads it, corrects it in a spreadsheet and imports it again.
     *
     * @param target {@code excel} for Excel with Dutch settings (semicolons, a byte order mark); left out, RFC 4180
     */
    @Get("/municipalities.csv")
    @Produces("text/csv")
    public HttpResponse<String> csv(@Nullable @QueryValue("for") @Pattern(regexp = OverviewController.EXCEL_OR_NOT,
            message = "must be excel, or left out for RFC 4180 (comma-separated)") String target) {
        OverviewController.Csv.Dialect dialect = OverviewController.Csv.Dialect.of(target);
        StringBuilder csv = new StringBuilder(dialect.start()).append(dialect.line("municipality", "province", "labour market region"));
        table.all().municipalities().forEach(m -> csv.append(dialect.line(m.municipality(), m.province(), m.labourMarketRegion())));
        return OverviewController.csv(csv.toString(), "municipalities.csv");
    }

    /**
     * Places the municipality in a province the table holds (a new province is a typo, named as such), and its
     * labour-market region if given. Refused while a rebuild runs: it copied the table at its start, and would switch
     * over to that copy. The check and the write hold the rebuild's lock, so a rebuild cannot start between them.
     */
    @Put("/municipalities/{municipality}")
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
            return copiedByRebuild(request);
        }
        boolean added = written.get();
        changes.changedEverything(); // the regional pages and cached answers place programmes by it
        LOG.info("{} {} {} in {} ({})", caller.getName(), added ? "added" : "moved", name, province, region == null ? "no labour-market region" : region);
        Views.KnownMunicipality placed = new Views.KnownMunicipality(name, province, region);
        return added ? HttpResponse.created(placed) : HttpResponse.ok(placed);
    }

    /**
     * Brings the table up to date from a municipality file, such as CBS's yearly "Gemeenten alfabetisch" (CSV, commas or
     * semicolons): adds and moves the municipalities it names, keeps the table's other places (see
     * {@link MunicipalityImport}). With {@code dryRun=true} it answers what it would do and writes nothing; without, a
     * file with a row that does not read is a 422 naming each such row, and nothing is written. Refused while a rebuild
     * runs, as a place is.
     */
    @Post(value = "/municipalities/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured(Roles.ADMIN)
    public HttpResponse<?> importFile(HttpRequest<?> request, @Body String file, @Nullable @QueryValue Boolean dryRun, Authentication caller) {
        MunicipalityFile.Parsed parsed = MunicipalityFile.parse(file);
        List<String> unknown = regional.current().unknown();
        if (Boolean.TRUE.equals(dryRun)) {
            return HttpResponse.ok(table.importFile(parsed, unknown, true));
        }
        java.util.Optional<MunicipalityImport.Report> done = rebuild.unlessRebuilding(() -> table.importFile(parsed, unknown, false));
        if (done.isEmpty()) {
            return copiedByRebuild(request);
        }
        MunicipalityImport.Report report = done.get();
        if (!report.added().isEmpty() || !report.moved().isEmpty()) {
            changes.changedEverything(); // the regional pages and cached answers place programmes by it
        }
        LOG.info("{} imported a municipality table of {} rows: {} added, {} moved, {} unchanged, {} kept (not in the file){}",
                caller.getName(), report.rows(), report.added().size(), report.moved().size(), report.unchanged(), report.kept().size(),
                report.newProvinces().isEmpty() ? "" : "; new provinces " + report.newProvinces());
        return HttpResponse.ok(report);
    }

    /** A change refused while a rebuild runs: it copied the table at its start, and would switch over to that copy. */
    private HttpResponse<?> copiedByRebuild(HttpRequest<?> request) {
        return problems.detail(request, HttpStatus.CONFLICT, null,
                "A rebuild is running and copied the municipality table at its start; change it after the switch-over");
    }
}
