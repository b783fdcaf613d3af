package nl.programmes.portal.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * A read a page needed was refused or failed: show the service's own reason on a page, with its status
 * (403 stays 403), instead of a half-empty page that looks like "no data".
 * <p>
 * The page is rendered here: the views filter renders only a route's answer, and this one has no route, so its
 * {@link ModelAndView} was written as JSON, which failed, and the browser got a 500 in JSON.
 */
@Singleton
public class ServiceErrorPage implements ExceptionHandler<PortalApi.ServiceUnavailable, HttpResponse<?>> {

    private final ViewsRendererLocator renderers;
    private final ViewsModelDecorator decorator;

    public ServiceErrorPage(ViewsRendererLocator renderers, ViewsModelDecorator decorator) {
        this.renderers = renderers;
        this.decorator = decorator;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, PortalApi.ServiceUnavailable exception) {
        int status = exception.answer().status();
        HttpStatus shown = status >= 400 && status < 600 ? HttpStatus.valueOf(status) : HttpStatus.BAD_GATEWAY;
        // The service's field errors name the filter that was wrong (a status it does not know, say).
        return show(request, shown, exception.answer().detail(), exception.answer().fieldErrors());
    }

    /** The problem page with this status and detail (translated where the bundles know it), for any handler of a page's failure. */
    public HttpResponse<?> show(HttpRequest<?> request, HttpStatus status, String detail, Map<String, String> errors) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        ModelAndView<Map<String, Object>> page = Page.view(auth, request, "problem", Map.of("heading", "page.problem",
                "problem", detail, "errors", errors, "back", "/"));
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(page, request));
    }

    @SuppressWarnings("unchecked")
    private Writable render(ModelAndView<Map<String, Object>> page, HttpRequest<?> request) {
        decorator.decorate(request, page); // what the views filter does first: the field messages in the page's language
        String view = page.getView().orElseThrow();
        Map<String, Object> model = page.getModel().orElseThrow();
        ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("no renderer for the view " + view));
        return renderer.render(view, model, request);
    }
}
