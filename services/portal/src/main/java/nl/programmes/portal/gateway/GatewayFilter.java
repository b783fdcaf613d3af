package nl.programmes.portal.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Optional;

/**
 * Passes {@code /api/**} through to the service that owns it, so browsers and API clients use one
 * origin. It runs before the portal's own security: the owning service checks the token. A browser's
 * session cookie becomes the bearer token on the way. Paths the portal owns itself
 * ({@code /api/auth}, {@code /api/organisations}, {@code /api/users}) have no route and fall through.
 */
@Filter("/api/**")
public class GatewayFilter implements HttpServerFilter {

    private static final String SESSION_COOKIE = "session";

    private final ProxyHttpClient client;
    private final GatewayRoutes routes;

    public GatewayFilter(ProxyHttpClient client, GatewayRoutes routes) {
        this.client = client;
        this.routes = routes;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<URI> target = routes.target(request.getPath());
        if (target.isEmpty()) {
            return chain.proceed(request);
        }
        URI base = target.get();
        MutableHttpRequest<?> forwarded = request.mutate().uri(uri -> uri
                .scheme(base.getScheme())
                .host(base.getHost())
                .port(base.getPort()));
        if (request.getHeaders().getAuthorization().isEmpty()) {
            request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank())
                    .ifPresent(token -> forwarded.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
        return Publishers.map(client.proxy(forwarded), response -> response);
    }
}
