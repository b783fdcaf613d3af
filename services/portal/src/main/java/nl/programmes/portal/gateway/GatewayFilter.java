package nl.programmes.portal.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Optional;

/**
 * Passes {@code /api/**} through to the service that owns it, headers (the bearer token among them)
 * and body unchanged, so browsers and API clients use one origin. Unknown segments fall through to
 * the portal itself, which answers 404 as problem+json.
 */
@Filter("/api/**")
public class GatewayFilter implements HttpServerFilter {

    private final ProxyHttpClient client;
    private final GatewayRoutes routes;

    public GatewayFilter(ProxyHttpClient client, GatewayRoutes routes) {
        this.client = client;
        this.routes = routes;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<URI> target = routes.target(request.getPath());
        if (target.isEmpty()) {
            return chain.proceed(request);
        }
        URI base = target.get();
        return Publishers.map(client.proxy(request.mutate().uri(uri -> uri
                .scheme(base.getScheme())
                .host(base.getHost())
                .port(base.getPort()))), response -> response);
    }
}
