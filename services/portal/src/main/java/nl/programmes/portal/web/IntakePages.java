package nl.programmes.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Existing offerings and their first-year intake, as staff keep them: a table with a row per programme, form and
 * location and a column per study year, imported as a file (the announcements service's {@code /api/offerings/import}).
 * Each row is registered with its figures or left out with its reason; importing the same file again changes nothing,
 * so a corrected file is simply imported again.
 */
@Controller("/offerings")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntakePages {

    /** As the gateway waits for it (micronaut.http.services.gateway-commands.read-timeout): 2,000 rows of six years took 4-9 s. */
    private static final java.time.Duration IMPORT_WITHIN = java.time.Duration.ofMinutes(2);

    private final PortalApi api;
    private final ErrorTexts errorTexts;
    private final MessageSource texts;
    private final HttpLocaleResolver locales;

    private final long maxFileSize;

    private final KnownPlaces places;
    private final DirectoryService directory;

    public IntakePages(PortalApi api, ErrorTexts errorTexts, MessageSource texts, HttpLocaleResolver locales, KnownPlaces places,
                       DirectoryService directory, @Value("${micronaut.server.multipart.max-file-size:1048576}") long maxFileSize) {
        this.maxFileSize = maxFileSize;
        this.places = places;
        this.directory = directory;
        this.api = api;
        this.errorTexts = errorTexts;
        this.texts = texts;
        this.locales = locales;
    }

    @Get("/import")
    public HttpResponse<?> importForm(@Nullable Authentication auth, HttpRequest<?> request) {
        return Page.render(auth, request, "intake-import", new HashMap<>());
    }

    /**
     * The chosen file, first as a preview: what the import would do (the service's dry run), the rows it would leave out,
     * and the places the overview does not know. Nothing is recorded until the person confirms: an offering registered
     * under a misspelt place is taken out again only one at a time ({@link OfferingPages}).
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> preview(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file) {
        return FileImport.preview(auth, request, file, "intake-import", this::imported);
    }

    /** The previewed table, imported: sent back by the preview's form as it was read. */
    @Post(value = "/import/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        return FileImport.confirm(auth, request, body, "/offerings/import", this::imported);
    }

    private HttpResponse<?> imported(Authentication auth, HttpRequest<?> request, String fileName, String table, boolean dryRun) {
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", fileName);
        PortalApi.Answer answer = api.sendText(request, "/api/offerings/import" + (dryRun ? "?dryRun=true" : ""), "text/csv", table,
                IMPORT_WITHIN);
        if (!answer.ok()) {
            return FileImport.refused(auth, request, "intake-import", model, answer);
        }
        model.put(dryRun ? "preview" : "report", answer.body());
        model.put("rejected", rejected(answer.body(), locales.resolveOrDefault(request)));
        if (dryRun) {
            model.put("table", table);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> accepted = (List<Map<String, Object>>) answer.body().getOrDefault("accepted", List.of());
            List<String> unknown = places.unknownAmong(request, accepted.stream().map(row -> (String) row.get("location")).toList());
            model.put("unknownPlaces", unknown == null ? null : linesOf(accepted, "location", unknown::contains));
            // The service does not know the directory (the portal keeps it): an administrator's typo in an institution's
            // id would register its offerings under an institution nobody is.
            java.util.Set<String> known = directory.all().stream().map(Organisation::id).collect(java.util.stream.Collectors.toSet());
            model.put("unknownInstitutions", linesOf(accepted, "institution", institution -> !known.contains(institution)));
        }
        return Page.render(auth, request, "intake-import", model);
    }

    /** The lines of the rows whose value in the column is one the check picks, by value (in order), each value once. */
    static Map<String, List<Object>> linesOf(List<Map<String, Object>> rows, String column, java.util.function.Predicate<String> picked) {
        Map<String, List<Object>> lines = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get(column) instanceof String value && picked.test(value)) {
                lines.computeIfAbsent(value, k -> new ArrayList<>()).add(row.get("line"));
            }
        }
        return lines;
    }

    /** A file over the multipart limit: said beside the file field ({@link FileImport#tooLarge}). */
    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return FileImport.tooLarge(request, "intake-import", maxFileSize);
    }

    private List<Map<String, Object>> rejected(Map<String, Object> report, Locale locale) {
        return FileImport.rejected(report, "intake.column.", texts, errorTexts, locale);
    }
}
