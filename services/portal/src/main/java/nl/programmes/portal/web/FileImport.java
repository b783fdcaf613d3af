package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.authentication.Authentication;

import io.micronaut.context.MessageSource;

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
 * The steps the import pages share (the intake table, the municipality table): a chosen file is first sent to the
 * service as a dry run and shown as a preview; the preview's form sends the text back as it was read, and that is
 * imported. Each page says what its service's report means.
 */
final class FileImport {

    /** Excel on a Dutch Windows saves "CSV" in this code page unless told to use UTF-8. */
    private static final Charset EXCEL_ON_WINDOWS = Charset.forName("windows-1252");

    private FileImport() {
    }

    /** What a page does with a file's text: preview it (a dry run) or import it. */
    interface Step {
        HttpResponse<?> imported(Authentication auth, HttpRequest<?> request, String fileName, String text, boolean dryRun);
    }

    /** The chosen file previewed; none chosen is said beside the file field. */
    static HttpResponse<?> preview(Authentication auth, HttpRequest<?> request, CompletedFileUpload file, String view, Step step) {
        if (auth == null) {
            return Page.signIn(request);
        }
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            Map<String, Object> model = new HashMap<>();
            model.put("errors", Map.of("file", "must be chosen"));
            return Page.unprocessable(auth, request, view, model);
        }
        return step.imported(auth, request, file.getFilename(), text(file), true);
    }

    /** The previewed text, imported; without one (the form's page opened afresh), back to the form. */
    static HttpResponse<?> confirm(Authentication auth, HttpRequest<?> request, Map<String, Object> body, String formPath, Step step) {
        if (auth == null) {
            return Page.signIn(request);
        }
        Form form = new Form(body);
        String text = form.text("table");
        if (text == null) {
            return Page.seeOther(formPath);
        }
        return step.imported(auth, request, form.text("fileName"), text, false);
    }

    /**
     * The service refused the file as a whole (no header, a required column missing, a rebuild running) or the caller:
     * said on the form's page, with each field named.
     */
    static HttpResponse<?> refused(Authentication auth, HttpRequest<?> request, String view, Map<String, Object> model, PortalApi.Answer answer) {
        model.put("errors", answer.fieldErrors());
        model.put("problem", answer.detail());
        return answer.status() == 403 ? Page.render(auth, request, view, model).status(403) : Page.unprocessable(auth, request, view, model);
    }

    /**
     * A file over the multipart limit is refused before the page sees it (Micronaut's 413, in JSON): said beside the
     * file field instead, with the limit, so the person knows to split the table.
     */
    static HttpResponse<?> tooLarge(HttpRequest<?> request, String view, long maxFileSize) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null) {
            return Page.signIn(request);
        }
        long megabytes = Math.max(1, maxFileSize / (1024 * 1024));
        Map<String, Object> model = new HashMap<>();
        model.put("errors", Map.of("file", "is larger than " + megabytes + " MB, the most one import takes; split the table"));
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(Page.view(auth, request, view, model));
    }

    /**
     * Each row an import left out (its report's {@code rejected}: line, field, message), with its column and what is wrong
     * in the page's language: the column's text under the prefix (a study year's column is its year).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rejected(Map<String, Object> report, String columnPrefix, MessageSource texts, ErrorTexts errorTexts,
                                              Locale locale) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.getOrDefault("rejected", List.of());
        return rows.stream().map(row -> {
            Map<String, Object> shown = new LinkedHashMap<>(row);
            String field = String.valueOf(row.get("field"));
            shown.put("column", texts.getMessage(columnPrefix + field, locale).orElse(field));
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
