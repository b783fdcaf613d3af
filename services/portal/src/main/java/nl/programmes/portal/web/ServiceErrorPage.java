package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * A read a page needed was refused or failed: show the service's own reason on a page, with its status
 * (403 stays 403), instead of a half-empty page that looks like "no data".
 */
@Singleton
public class ServiceErrorPage implements ExceptionHandler<PortalApi.ServiceUnavailable, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, PortalApi.ServiceUnavailable exception) {
        HttpRequest<?> typed = request;
        Authentication auth = typed.getUserPrincipal(Authentication.class).orElse(null);
        int status = exception.answer().status();
        HttpStatus shown = status >= 400 && status < 600 ? HttpStatus.valueOf(status) : HttpStatus.BAD_GATEWAY;
        return HttpResponse.status(shown).body(Page.view(auth, request, "problem",
                Map.of("problem", exception.answer().detail(), "errors", Map.of(), "back", "/")));
    }
}
