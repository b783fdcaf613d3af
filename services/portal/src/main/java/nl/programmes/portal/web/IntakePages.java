package nl.programmes.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** As the gateway waits for it (micronaut.http.client.read-timeout): 2,000 rows of six years took 4-9 s. */
    private static final java.time.Duration IMPORT_WITHIN = java.time.Duration.ofMinutes(2);

    /** Excel on a Dutch Windows saves "CSV" in this code page unless told to use UTF-8. */
    private static final Charset EXCEL_ON_WINDOWS = Charset.forName("windows-1252");

    private final PortalApi api;
    private final ErrorTexts errorTexts;
    private final MessageSource texts;
    private final HttpLocaleResolver locales;

    private final long maxFileSize;

    public IntakePages(PortalApi api, ErrorTexts errorTexts, MessageSource texts, HttpLocaleResolver locales,
                       @Value("${micronaut.server.multipart.max-file-size:1048576}") long maxFileSize) {
        this.maxFileSize = maxFileSize;
        this.api = api;
        this.errorTexts = errorTexts;
        this.texts = texts;
        this.locales = locales;
    }

    @Get("/import")
    public HttpResponse<?> importForm(@Nullable Authentication auth, HttpRequest<?> request) {
        return Page.render(auth, request, "intake-import", new HashMap<>());
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> importTable(@Nullable Authentication auth, HttpRequest<?> request, @Nullable @Part("file") CompletedFileUpload file) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Map<String, Object> model = new HashMap<>();
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            model.put("errors", Map.of("file", "must be chosen"));
            return Page.unprocessable(auth, request, "intake-import", model);
        }
        model.put("fileName", file.getFilename());
        PortalApi.Answer answer = api.sendText(request, "/api/offerings/import", "text/csv", text(file), IMPORT_WITHIN);
        if (!answer.ok()) {
            // The file as a whole could not be read (no header, a required column missing), or the caller may not import.
            model.put("errors", answer.fieldErrors());
            model.put("problem", answer.detail());
            return answer.status() == 403 ? Page.render(auth, request, "intake-import", model).status(403)
                    : Page.unprocessable(auth, request, "intake-import", model);
        }
        model.put("report", answer.body());
        model.put("rejected", rejected(answer.body(), locales.resolveOrDefault(request)));
        return Page.render(auth, request, "intake-import", model);
    }

    /**
     * A file over the multipart limit is refused before the page sees it (Micronaut's 413, in JSON): said beside the
     * file field instead, with the limit, so the person knows to split the table.
     */
    @Error(exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null) {
            return Page.signIn(request);
        }
        long megabytes = Math.max(1, maxFileSize / (1024 * 1024));
        Map<String, Object> model = new HashMap<>();
        model.put("errors", Map.of("file", "is larger than " + megabytes + " MB, the most one import takes; split the table"));
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(Page.view(auth, request, "intake-import", model));
    }

    /** Each row left out, with its column and what is wrong in the page's language (a study year's column is its year). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rejected(Map<String, Object> report, Locale locale) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.getOrDefault("rejected", List.of());
        return rows.stream().map(row -> {
            Map<String, Object> shown = new LinkedHashMap<>(row);
            String field = String.valueOf(row.get("field"));
            shown.put("column", texts.getMessage("intake.column." + field, locale).orElse(field));
            shown.put("message", errorTexts.translate(String.valueOf(row.get("message")), locale));
            return (Map<String, Object>) shown;
        }).toList();
    }

    /** The file's text: UTF-8 where it reads as such, else what Excel on Windows writes, so accents survive either way. */
    static String text(CompletedFileUpload file) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file", e);
        }
        return text(bytes);
    }

    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, EXCEL_ON_WINDOWS);
        }
    }
}
