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

import java.util.HashMap;
import java.util.Map;

/**
 * The municipality table brought up to date from a file, as an administrator does once a year with CBS's "Gemeenten
 * alfabetisch" (the overview's {@code /api/overview/municipalities/import}): first a preview of what it adds, moves and
 * keeps and which programmes it takes out of "region unknown", then, confirmed, the import. The table decides which
 * province's page shows a programme, so nothing changes before the person has seen that.
 */
@Controller("/regions/municipalities/import")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MunicipalityPages {

    private static final String VIEW = "municipality-import";

    private final PortalApi api;
    private final ErrorTexts errorTexts;
    private final MessageSource texts;
    private final HttpLocaleResolver locales;
    private final KnownPlaces places;
    private final long maxFileSize;

    public MunicipalityPages(PortalApi api, ErrorTexts errorTexts, MessageSource texts, HttpLocaleResolver locales, KnownPlaces places,
                             @Value("${micronaut.server.multipart.max-file-size:1048576}") long maxFileSize) {
        this.maxFileSize = maxFileSize;
        this.api = api;
        this.errorTexts = errorTexts;
        this.texts = texts;
        this.locales = locales;
        this.places = places;
    }

    @Get
    public HttpResponse<?> form(@Nullable Authentication auth, HttpRequest<?> request) {
        return Page.render(auth, request, VIEW, new HashMap<>());
    }

    /** The chosen file, as a preview (the service's dry run): nothing is written yet. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> preview(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file) {
        return FileImport.preview(auth, request, file, VIEW, this::imported);
    }

    /** The previewed file, imported: sent back by the preview's form as it was read. */
    @Post(value = "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(@Nullable Authentication auth, HttpRequest<?> request, @Body Map<String, Object> body) {
        return FileImport.confirm(auth, request, body, "/regions/municipalities/import", this::imported);
    }

    /** A file over the multipart limit: said beside the file field ({@link FileImport#tooLarge}). */
    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return FileImport.tooLarge(request, VIEW, maxFileSize);
    }

    private HttpResponse<?> imported(Authentication auth, HttpRequest<?> request, String fileName, String table, boolean dryRun) {
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", fileName);
        PortalApi.Answer answer = api.sendText(request, "/api/overview/municipalities/import" + (dryRun ? "?dryRun=true" : ""), "text/csv",
                table, java.time.Duration.ofSeconds(30));
        if (!answer.ok()) {
            return FileImport.refused(auth, request, VIEW, model, answer); // no municipality or province column, a rebuild running
        }
        model.put(dryRun ? "preview" : "report", answer.body());
        model.put("rejected", FileImport.rejected(answer.body(), "municipalities.column.", texts, errorTexts, locales.resolveOrDefault(request)));
        if (dryRun) {
            model.put("table", table);
        } else {
            places.changed();
        }
        return Page.render(auth, request, VIEW, model);
    }
}
