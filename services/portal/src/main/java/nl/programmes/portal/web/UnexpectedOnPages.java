package nl.programmes.portal.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.programmes.kit.problem.ProblemBodyProvider;
import nl.programmes.kit.problem.ProblemHandlers;
import nl.programmes.kit.problem.Problems;

import java.util.Map;

/**
 * A page that fails in the portal itself (its own database away, a fault) is a page in the page's language, as a
 * service's refusal is ({@link ServiceErrorPage}), not the problem+json an API client gets: a browser showed that as raw
 * JSON. The portal's own API ({@code /api/...}) answers as every service does.
 */
@Singleton
@Replaces(ProblemHandlers.Unexpected.class)
public class UnexpectedOnPages extends ProblemHandlers.Unexpected implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private final ServiceErrorPage pages;

    public UnexpectedOnPages(Problems problems, @Value("${micronaut.application.name:portal}") String service, ServiceErrorPage pages) {
        super(problems, service);
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        HttpRequest<?> typed = request;
        if (typed.getPath().startsWith("/api/")) {
            return super.handle(request, exception);
        }
        if (logged(typed, exception)) {
            return pages.show(typed, HttpStatus.SERVICE_UNAVAILABLE, databaseAway(typed), Map.of())
                    .toMutableResponse().header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        return pages.show(typed, HttpStatus.INTERNAL_SERVER_ERROR, ProblemBodyProvider.ON_OUR_SIDE, Map.of());
    }
}
