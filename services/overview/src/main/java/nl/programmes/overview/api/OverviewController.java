package nl.programmes.overview.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import nl.programmes.overview.read.OverviewReads;
import nl.programmes.overview.read.ReadCache;
import nl.programmes.overview.read.RegionalPages;
import nl.programmes.overview.read.Views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** The shared overview: regions, the objection matrix of an announcement, and the consolidated timeline. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OverviewController {

    private final OverviewReads reads;
    private final ReadCache cache;
    private final ExecutorService blocking;
    private final RegionalPages pages;
    private final ObjectMapper json;

    /**
     * The cached reads run on the event loop and answer a cache hit at once; a miss goes to the blocking
     * pool (database). Measured: each hand-off between threads costs milliseconds on a small machine.
     */
    public OverviewController(OverviewReads reads, ReadCache cache, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                              RegionalPages pages, ObjectMapper json) {
        this.reads = reads;
        this.cache = cache;
        this.blocking = blocking;
        this.pages = pages;
        this.json = json;
    }

    /** The announcement with its objection matrix: consulted organisations × candidate locations. */
    @Get("/overview/announcements/{id}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.Matrix.class)))
    public CompletableFuture<HttpResponse<byte[]>> announcement(UUID id) {
        return cache.getAsync("matrix|" + id, id.toString(), () -> json(reads.matrix(id.toString())), blocking).thenApply(OverviewController::ok);
    }

    /** Provinces with their existing and intended programmes; unknown municipalities listed for data quality. */
    @Get("/overview/regions")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.Regions.class)))
    public CompletableFuture<HttpResponse<byte[]>> regions() {
        return pages.regions().thenApply(OverviewController::ok);
    }

    @Get("/overview/regions/{region}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.Region.class)))
    public CompletableFuture<HttpResponse<byte[]>> region(String region, @Nullable @QueryValue String level, @Nullable @QueryValue String domain,
                               @Nullable @QueryValue String code, @Nullable @QueryValue String institution,
                               @Nullable @QueryValue String status) {
        OverviewReads.RegionFilter filter = new OverviewReads.RegionFilter(level, domain, code, institution, status);
        return pages.region(region, filter).thenApply(OverviewController::ok);
    }

    /** The regional page as CSV: one line per existing offering or intended programme and location. */
    @Get("/overview/regions/{region}.csv")
    @Produces("text/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> regionCsv(String region) {
        StringBuilder csv = new StringBuilder("municipality,kind,institution,programme,code,level,forms,status,intake\n");
        for (Views.Municipality m : reads.region(region, new OverviewReads.RegionFilter(null, null, null, null, null)).municipalities()) {
            for (Views.Offering o : m.existing()) {
                csv.append(Csv.line(m.municipality(), "existing", o.institutionName(), o.programme(), o.code(), o.level(), o.form(),
                        "", o.intake().toString()));
            }
            for (Views.Intended i : m.intended()) {
                csv.append(Csv.line(m.municipality(), "intended", i.institutionName(), i.programme(), i.code(), i.level(),
                        String.join(" ", i.forms()), i.status(), ""));
            }
        }
        return HttpResponse.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"" + region + ".csv\"");
    }

    /** Every event from every service, newest first unless {@code order=oldest}, paged by cursor. */
    @Get("/timeline")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.TimelinePage.class)))
    public CompletableFuture<HttpResponse<byte[]>> timeline(@Nullable @QueryValue String announcement, @Nullable @QueryValue String institution,
                                       @Nullable @QueryValue String region,
                                       @Nullable @QueryValue String kind, @Nullable @QueryValue LocalDate from,
                                       @Nullable @QueryValue LocalDate to,
                                       @QueryValue(defaultValue = "newest") @Pattern(regexp = "newest|oldest",
                                               message = "must be newest or oldest") String order,
                                       @Nullable @QueryValue String cursor,
                                       @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        OverviewReads.TimelineFilter filter = new OverviewReads.TimelineFilter(announcement, institution, kind, from, to, region);
        // Filtered to one announcement, the page shows only that announcement's events.
        return cache.getAsync("timeline|" + filter + "|" + order + "|" + cursor + "|" + size, filter.announcementId(),
                () -> json(reads.timeline(filter, "newest".equals(order), cursor, size)), blocking).thenApply(OverviewController::ok);
    }

    @Get("/timeline.csv")
    @Produces("text/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> timelineCsv(@Nullable @QueryValue String announcement) {
        StringBuilder csv = new StringBuilder("date,recorded,reference,organisation,nl,en\n");
        for (Views.TimelineLine line : reads.timeline(new OverviewReads.TimelineFilter(announcement, null, null, null, null),
                false, null, 500).entries()) {
            csv.append(Csv.line(line.occurredOn().toString(), line.recordedAt().toString(), line.reference(),
                    line.actorOrganisationName(), line.textNl(), line.textEn()));
        }
        return HttpResponse.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"timeline.csv\"");
    }

    /**
     * Answers are kept serialised: a cached answer is written to the connection as it is, instead of being
     * serialised again on the event loop for every request (a regional page can be hundreds of kilobytes).
     */
    private byte[] json(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> ok(byte[] json) {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Minimal CSV quoting. */
    static final class Csv {
        private Csv() {
        }

        static String line(String... cells) {
            return String.join(",", List.of(cells).stream().map(c -> c == null ? ""
                    : "\"" + c.replace("\"", "\"\"") + "\"").toList()) + "\n";
        }
    }

}
