package nl.programmes.overview.api;

import io.micronaut.context.annotation.Value;
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
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.problem.InvalidParameterException;
import nl.programmes.overview.read.OverviewReads;
import nl.programmes.overview.read.ReadCache;
import nl.programmes.overview.read.RegionalPages;
import nl.programmes.overview.read.ShownStatus;
import nl.programmes.overview.read.Views;
import nl.programmes.overview.rebuild.OverviewRebuild;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/** The shared overview: regions, the objection matrix of an announcement, and the consolidated timeline. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OverviewController {

    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    /** What a CSV export's {@code for} takes: excel, in any case, or nothing (see {@link Csv.Dialect#of}). */
    static final String EXCEL_OR_NOT = "(?i)\\s*(excel)?\\s*";

    private final OverviewReads reads;
    private final ReadCache cache;
    private final ExecutorService blocking;
    private final RegionalPages pages;
    private final ObjectMapper json;
    private final int csvPageSize;
    private final OverviewRebuild rebuild;

    /**
     * The cached reads run on the event loop and answer a cache hit at once; a miss goes to the blocking
     * pool (database). Measured: each hand-off between threads costs milliseconds on a small machine.
     */
    public OverviewController(OverviewReads reads, ReadCache cache, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                              RegionalPages pages, ObjectMapper json, OverviewRebuild rebuild,
                              @Value("${platform.overview.csv-page-size:500}") int csvPageSize) {
        this.reads = reads;
        this.rebuild = rebuild;
        this.cache = cache;
        this.blocking = blocking;
        this.pages = pages;
        this.json = json;
        this.csvPageSize = csvPageSize;
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

    /**
     * An institution's existing offerings in every province, with their intake; an ended one with its last intake year,
     * one registered in error left out.
     *
     * @param institution an organisation's id in the directory, such as saxion; required
     */
    @Get("/overview/offerings")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Views.InstitutionOfferings offerings(@Nullable @QueryValue String institution) {
        if (institution == null || institution.isBlank()) {
            throw new InvalidParameterException("institution", "is required: an organisation's id, such as saxion");
        }
        return reads.offeringsOf(institution.strip());
    }

    /**
     * A province's existing offerings and intended programmes per municipality, with related programmes side by side.
     *
     * @param region      a province, in any case, or {@code region unknown}; any other name is a 404
     * @param level       a programme level, such as ASSOCIATE_DEGREE; a level that does not exist is a 400 naming it
     * @param domain      words found anywhere in an intended programme's domain, in any case
     * @param code        a CROHO/ISAT code
     * @param institution an organisation's id in the directory, such as saxion
     * @param status      an intended programme's status: ANNOUNCED, UNDER_CONSULTATION (announced, and an organisation
     *                    has been asked for its position), SUBMITTED, APPROVED, REJECTED or WITHDRAWN; any other is a 400
     */
    @Get("/overview/regions/{region}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.Region.class)))
    public CompletableFuture<HttpResponse<byte[]>> region(String region, @Nullable @QueryValue @Pattern(regexp = "\\s*|" + ProgrammeLevel.NAMES,
            message = "must be one of " + ProgrammeLevel.NAMES) String level, @Nullable @QueryValue String domain,
                               @Nullable @QueryValue String code, @Nullable @QueryValue String institution,
                               @Nullable @QueryValue @Pattern(regexp = "\\s*|" + ShownStatus.NAMES,
                                       message = "must be one of " + ShownStatus.NAMES) String status) {
        OverviewReads.RegionFilter filter = new OverviewReads.RegionFilter(level, domain, code, institution, status);
        return pages.region(region, filter).thenApply(OverviewController::ok);
    }

    /**
     * The regional page as CSV, with the page's filters: one line per existing offering, and one per intended
     * programme and candidate location. Intake figures keep suppressed values as published ("2021: <5"). An ended
     * offering's status is "ENDED (last intake 2024)". The filters are the page's.
     *
     * @param target {@code excel} for Excel with Dutch settings (semicolons, a byte order mark); left out, RFC 4180
     */
    @Get("/overview/regions/{region}.csv")
    @Produces("text/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> regionCsv(String region, @Nullable @QueryValue @Pattern(regexp = "\\s*|" + ProgrammeLevel.NAMES,
            message = "must be one of " + ProgrammeLevel.NAMES) String level, @Nullable @QueryValue String domain,
                                          @Nullable @QueryValue String code, @Nullable @QueryValue String institution,
                                          @Nullable @QueryValue @Pattern(regexp = "\\s*|" + ShownStatus.NAMES,
                                                  message = "must be one of " + ShownStatus.NAMES) String status,
                                          @Nullable @QueryValue("for") @Pattern(regexp = EXCEL_OR_NOT,
                                                               message = "must be excel, or left out for RFC 4180 (comma-separated)") String target) {
        Csv.Dialect dialect = Csv.Dialect.of(target);
        StringBuilder csv = new StringBuilder(dialect.start()).append(dialect.line("municipality", "kind", "institution", "programme",
                "code", "level", "forms", "status", "intake", "reference"));
        OverviewReads.RegionFilter filter = new OverviewReads.RegionFilter(level, domain, code, institution, status);
        for (Views.Municipality m : reads.region(region, filter).municipalities()) {
            for (Views.Offering o : m.existing()) {
                csv.append(dialect.line(m.municipality(), "existing", o.institutionName(), o.programme(), o.code(), o.level(), o.form(),
                        o.lastIntakeYear() == null ? "" : "ENDED (last intake " + o.lastIntakeYear() + ")", Csv.intake(o.intake()), ""));
            }
            for (Views.Intended i : m.intended()) {
                csv.append(dialect.line(m.municipality(), "intended", i.institutionName(), i.programme(), i.code(), i.level(),
                        String.join(" ", i.forms()), i.status(), "", i.reference()));
            }
        }
        return csv(csv.toString(), region + ".csv");
    }

    /**
     * Every event from every service, newest first unless {@code order=oldest}, paged by cursor.
     *
     * @param announcement an announcement's id, or its reference (A24-056) in any case: its lines only; a reference
     *                     no announcement has is a 400, as is one that two institutions use unless institution chooses
     * @param institution  an organisation's id: what it did, and every line about its announcements, its offerings and the
     *                     announcements it was asked to consult on
     * @param region       a province, or {@code region unknown}: lines about announcements with a candidate location there
     *                     and about the offerings there
     * @param kind         an event type (nl.programmes.steering.decision-recorded.v1) or part of one (decision), in any case;
     *                     a text that is part of no event type is a 400
     * @param from         the first business date, inclusive
     * @param to           the last business date, inclusive; before {@code from} is a 400
     * @param order        newest (default) or oldest first
     * @param cursor       the {@code nextCursor} of the page before
     * @param size         lines per page, 1 to 500
     */
    @Get("/timeline")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.TimelinePage.class)))
    public CompletableFuture<HttpResponse<byte[]>> timeline(@Nullable @QueryValue String announcement, @Nullable @QueryValue String institution,
                                       @Nullable @QueryValue @TimelineParameters.Province String region,
                                       @Nullable @QueryValue @TimelineParameters.EventKind String kind, @Nullable @QueryValue LocalDate from,
                                       @Nullable @QueryValue @TimelineParameters.NotBeforeFrom LocalDate to,
                                       @QueryValue(defaultValue = "newest") @Pattern(regexp = "newest|oldest",
                                               message = "must be newest or oldest") String order,
                                       @Nullable @QueryValue @TimelineParameters.Cursor String cursor,
                                       @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        OverviewReads.TimelineCursor after = cursor == null ? null : OverviewReads.TimelineCursor.parse(cursor);
        if (announcement != null && !announcement.isBlank() && !OverviewReads.isId(announcement)) {
            // A reference is looked up in the database, which the event loop must not wait for.
            return CompletableFuture.supplyAsync(() -> reads.announcementNamed(announcement, institution), blocking)
                    .thenCompose(id -> timeline(new OverviewReads.TimelineFilter(id, institution, kind, from, to, region), order, after, cursor, size));
        }
        // An id needs no lookup, and this thread (the event loop) must not take a connection for one.
        return timeline(new OverviewReads.TimelineFilter(OverviewReads.idOf(announcement), institution, kind, from, to, region),
                order, after, cursor, size);
    }

    /**
     * The lines projected since a position, with the timeline's filters: what a page open on the timeline adds as
     * facts arrive, wherever their business dates put them (a decision recorded today for a meeting weeks ago is new
     * too). Ask first without {@code since}, before reading the page, for the position; then from the position each
     * answer hands out. An answer may repeat lines from just before its {@code since} (a line is seen once its poll
     * commits, a moment after it is stamped): keep those already shown out. A rebuild writes every line anew, none of
     * them new: only what is projected after its switch-over is.
     *
     * @param since the {@code position} of the answer before
     */
    @Get("/timeline/recent")
    public CompletableFuture<Views.NewLines> recent(@Nullable @QueryValue String announcement, @Nullable @QueryValue String institution,
                                                    @Nullable @QueryValue @TimelineParameters.Province String region,
                                                    @Nullable @QueryValue @TimelineParameters.EventKind String kind,
                                                    @Nullable @QueryValue LocalDate from, @Nullable @QueryValue @TimelineParameters.NotBeforeFrom LocalDate to,
                                                    @Nullable @QueryValue Instant since) {
        Instant switched = rebuild.state().switchedAt();
        return CompletableFuture.supplyAsync(() -> reads.projectedSince(new OverviewReads.TimelineFilter(
                reads.announcementNamed(announcement, institution), institution, kind, from, to, region), since, switched), blocking);
    }

    private CompletableFuture<HttpResponse<byte[]>> timeline(OverviewReads.TimelineFilter filter, String order,
                                                             OverviewReads.TimelineCursor after, String cursor, int size) {
        // Filtered to one announcement, the page shows only that announcement's events.
        return cache.getAsync("timeline|" + filter + "|" + order + "|" + cursor + "|" + size, filter.announcementId(),
                () -> json(reads.timeline(filter, "newest".equals(order), after, size)), blocking).thenApply(OverviewController::ok);
    }

    /**
     * The timeline as CSV, with the timeline's filters: every line that matches, however many, read a page at a
     * time by cursor and written as it is read, so a long export neither holds the whole timeline in memory nor
     * keeps one database connection for its duration. The first page is read before the response starts, so a
     * filter the timeline cannot use is a 400, not a download cut short. The filters are the timeline's.
     *
     * @param target {@code excel} for Excel with Dutch settings (semicolons, a byte order mark); left out, RFC 4180
     */
    @Get("/timeline.csv")
    @Produces("text/csv")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Publisher<byte[]>> timelineCsv(@Nullable @QueryValue String announcement, @Nullable @QueryValue String institution,
                                                       @Nullable @QueryValue @TimelineParameters.Province String region,
                                                       @Nullable @QueryValue @TimelineParameters.EventKind String kind,
                                                       @Nullable @QueryValue LocalDate from, @Nullable @QueryValue @TimelineParameters.NotBeforeFrom LocalDate to,
                                                       @QueryValue(defaultValue = "newest") @Pattern(regexp = "newest|oldest",
                                                               message = "must be newest or oldest") String order,
                                                       @Nullable @QueryValue("for") @Pattern(regexp = EXCEL_OR_NOT,
                                                               message = "must be excel, or left out for RFC 4180 (comma-separated)") String target) {
        Csv.Dialect dialect = Csv.Dialect.of(target);
        OverviewReads.TimelineFilter filter = new OverviewReads.TimelineFilter(reads.announcementNamed(announcement, institution),
                institution, kind, from, to, region);
        boolean newestFirst = "newest".equals(order);
        Views.TimelinePage first = reads.timeline(filter, newestFirst, null, csvPageSize);
        byte[] start = (dialect.start() + dialect.line("date", "recorded", "reference", "announcement", "kind", "actor", "actor name", "organisation",
                "nl", "en") + csvLines(first, dialect)).getBytes(StandardCharsets.UTF_8);
        Flux<byte[]> rest = Flux.<byte[], ExportPosition>generate(() -> ExportPosition.after(first), (position, sink) -> {
            if (position.done()) {
                sink.complete();
                return position;
            }
            Views.TimelinePage page = reads.timeline(filter, newestFirst, position.cursor(), csvPageSize);
            String lines = csvLines(page, dialect);
            if (lines.isEmpty()) {
                sink.complete(); // an empty chunk would end the response; lines are never removed, so this is a guard
                return position;
            }
            sink.next(lines.getBytes(StandardCharsets.UTF_8));
            return ExportPosition.after(page);
        }).subscribeOn(Schedulers.fromExecutorService(blocking));
        return csv(Flux.concat(Flux.just(start), rest), "timeline.csv");
    }

    private static String csvLines(Views.TimelinePage page, Csv.Dialect dialect) {
        StringBuilder csv = new StringBuilder();
        for (Views.TimelineLine line : page.entries()) {
            csv.append(dialect.line(line.occurredOn().toString(), line.recordedAt().toString(), line.reference(), line.announcementId(),
                    line.kind(), line.actor(), line.actorName(), line.actorOrganisationName(), line.textNl(), line.textEn()));
        }
        return csv.toString();
    }

    /** How far a timeline export has read: the cursor of the next page, or done. */
    private record ExportPosition(OverviewReads.TimelineCursor cursor, boolean done) {
        static ExportPosition after(Views.TimelinePage page) {
            return page.nextCursor() == null ? new ExportPosition(null, true)
                    : new ExportPosition(OverviewReads.TimelineCursor.parse(page.nextCursor()), false);
        }
    }

    static <T> HttpResponse<T> csv(T body, String filename) {
        return HttpResponse.ok(body).contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
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

    /** CSV as spreadsheets read it (RFC 4180). */
    static final class Csv {
        private Csv() {
        }

        /**
         * How cells are separated. RFC 4180's comma by default. {@code for=excel} writes what Excel with Dutch settings opens
         * with a double-click: cells separated by semicolons (the comma is the Dutch decimal separator, so Excel splits on
         * semicolons there), and a byte order mark first, without which Excel reads the file as Windows-1252 and garbles
         * every accent ("vóór" in a sentence, "ë" in a name).
         */
        enum Dialect {
            RFC_4180(",", ""),
            EXCEL(";", "\uFEFF");

            private final String separator;
            private final String start;

            Dialect(String separator, String start) {
                this.separator = separator;
                this.start = start;
            }

            static Dialect of(String target) {
                if (target == null || target.isBlank()) {
                    return RFC_4180;
                }
                if (target.strip().equalsIgnoreCase("excel")) {
                    return EXCEL;
                }
                throw new InvalidParameterException("for", "must be excel, or left out for RFC 4180 (comma-separated)");
            }

            /** What the file starts with, before its first line. */
            String start() {
                return start;
            }

            String line(String... cells) {
                return String.join(separator, Arrays.stream(cells).map(Csv::cell).toList()) + "\r\n";
            }
        }

        /**
         * Quoted, and a cell that a spreadsheet would take for a formula (=, +, -, @, tab or carriage return first)
         * gets a leading apostrophe: sentences and names come from other organisations' input.
         */
        static String cell(String value) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }

        /** Intake by year, oldest first, as published: "2021: <5; 2022: 14". */
        static String intake(Map<String, String> byYear) {
            return new TreeMap<>(byYear).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

}
