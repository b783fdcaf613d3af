package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;

/**
 * The steps the import pages share (the intake table, the municipality table): a chosen file is first sent to the
 * service as a dry run and shown as a preview; the preview's form sends the text back as it was read, and that is
 * imported. Each page says what its service's report means.
 */
final class FileImport {

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
        return step.imported(auth, request, file.getFilename(), IntakePages.text(file), true);
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
        return HttpResponse.status(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(Page.view(auth, request, view, model));
    }
}
