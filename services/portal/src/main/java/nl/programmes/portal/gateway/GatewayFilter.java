package nl.programmes.portal.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.programmes.kit.command.IdempotentCommands;
import nl.programmes.kit.problem.Problems;
import nl.programmes.portal.identity.application.Sessions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Optional;

/**
 * Passes {@code /api/**} through to the service that owns it, so browsers and API clients use one
 * origin. It runs before the portal's own security: the owning service checks the token. A browser's
 * session cookie becomes the bearer token on the way. Paths the portal owns itself
 * ({@code /api/auth}, {@code /api/organisations}, {@code /api/users}) have no route and fall through.
 * A token whose session has ended (its account was disabled, or its roles or password changed) stops here:
 * the services check only a token's signature and expiry, the portal knows its accounts. A service that does not
 * answer is said as such ({@link ServiceOutage}). A read waits for it as long as {@code micronaut.http.services.gateway-reads.read-timeout}
 * says (30 s), a command as long as {@code micronaut.http.services.gateway-commands.read-timeout} (120 s, for an import of
 * thousands of rows): a hung service should not hold every reader for two minutes because an import may take that long.
 */
@Filter("/api/**")
public class GatewayFilter implements HttpServerFilter {

    private static final String SESSION_COOKIE = "session";

    private static final String BEARER = "Bearer ";

    private final ProxyHttpClient commands;
    private final ProxyHttpClient reads;
    private final GatewayRoutes routes;
    private final Sessions sessions;
    private final Problems problems;

    public GatewayFilter(@Client(id = "gateway-commands") ProxyHttpClient commands, @Client(id = "gateway-reads") ProxyHttpClient reads, GatewayRoutes routes,
                         Sessions sessions, Problems problems) {
        this.commands = commands;
        this.reads = reads;
        this.routes = routes;
        this.sessions = sessions;
        this.problems = problems;
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
        Optional<String> bearer = request.getHeaders().getAuthorization().filter(value -> value.startsWith(BEARER))
                .map(value -> value.substring(BEARER.length()).strip());
        Optional<String> cookie = request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
        Optional<String> token = request.getHeaders().getAuthorization().isPresent() ? bearer : cookie;
        if (token.isPresent() && !sessions.open(token.get())) {
            return Publishers.just(problems.detail(request, HttpStatus.UNAUTHORIZED, null,
                    "This session has ended: the account was disabled, or its roles or password changed. Sign in again."));
        }
        if (request.getHeaders().getAuthorization().isEmpty()) {
            cookie.ifPresent(value -> forwarded.header(HttpHeaders.AUTHORIZATION, BEARER + value));
        }
        ProxyHttpClient client = IdempotentCommands.isCommand(request) ? commands : reads;
        return Flux.from(client.proxy(forwarded)).onErrorResume(HttpClientException.class, e -> Mono.just(outage(request, e)));
    }

    /**
     * The owning service did not answer: a problem naming it (503 when it could not be reached, 504 when it did not answer
     * in time, 502 when it broke its answer off), not a 500 of the portal's own.
     */
    private MutableHttpResponse<?> outage(HttpRequest<?> request, HttpClientException e) {
        boolean command = IdempotentCommands.isCommand(request);
        ServiceOutage outage = e instanceof ReadTimeoutException ? ServiceOutage.noAnswer(request.getPath(), command, false)
                : e instanceof ResponseClosedException ? ServiceOutage.noAnswer(request.getPath(), command, true)
                : ServiceOutage.unreachable(request.getPath());
        outage.log(request.getMethodName(), request.getPath(), e);
        MutableHttpResponse<?> response = problems.detail(request, outage.status(), null, outage.detail());
        return outage.status() == HttpStatus.SERVICE_UNAVAILABLE
                ? response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ServiceOutage.RETRY_AFTER_SECONDS)) : response;
    }
}
