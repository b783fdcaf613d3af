package nl.programmes.kit.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * Keeps a command's body as it came, for {@link UnreadableValues} to read again. A body that arrived in several pieces
 * is not in the request's memory when its first unreadable value is found, and an exception handler cannot wait for it;
 * a filter with a body parameter is called once the framework has all of it, without blocking. The copy is small: a
 * command is a JSON object of some hundred bytes.
 */
@ServerFilter(value = "/api/**", methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
public class KeptBodies {

    private static final String ATTRIBUTE = KeptBodies.class.getName();

    @RequestFilter
    public void keep(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (body != null && body.length > 0) {
            request.setAttribute(ATTRIBUTE, body);
        }
    }

    /** The body as it came, if this filter saw it. */
    static Optional<byte[]> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, byte[].class);
    }
}
