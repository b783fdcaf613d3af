package nl.programmes.portal.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import nl.programmes.portal.gateway.GatewayRoutes;
import nl.programmes.portal.gateway.ServiceOutage;
import nl.programmes.portal.identity.api.AuthController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the web pages talk to the services: the same public API that API clients use, with the signed-in
 * user's own token, so every page is authorised by the service that owns the data, not by the portal.
 */
@Singleton
public class PortalApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final GatewayRoutes routes;
    private final JsonMapper json;
    private final BeanProvider<EmbeddedServer> portal;
    private final Duration answerWithin;
    /**
     * Where a page's parts are read ({@link #readPartSoon}): threads of their own, as many as parts are being read, since
     * each waits for a service's answer and the page's own thread waits for them.
     */
    private final java.util.concurrent.ExecutorService partReaders = java.util.concurrent.Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "page-part");
        thread.setDaemon(true);
        return thread;
    });

    /** @param answerWithin how long a page waits for a service's answer (an import waits longer: {@link #sendText}) */
    public PortalApi(GatewayRoutes routes, JsonMapper json, BeanProvider<EmbeddedServer> portal,
                     @Value("${platform.portal.answer-within:10s}") Duration answerWithin) {
        this.routes = routes;
        this.json = json;
        this.portal = portal;
        this.answerWithin = answerWithin;
    }

    /** What a service answered: its status, its JSON body (a map, or a list under "items"), and its ETag. */
    public record Answer(int status, Map<String, Object> body, Optional<String> etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * What a page's address names does not exist: a 404, or a 400 for an id that is no id at all (a link cut short).
         * Only for reads of one thing by its id, where the id is the only thing a 400 can be about.
         */
        public boolean missing() {
            return status == 404 || status == 400;
        }

        /** The problem+json {@code errors} as field → message, for showing each beside its field. */
        @SuppressWarnings("unchecked")
        public Map<String, String> fieldErrors() {
            Object errors = body.get("errors");
            if (!(errors instanceof List<?> list)) {
                return Map.of();
            }
            return list.stream().map(e -> (Map<String, Object>) e).collect(Collectors.toMap(
                    e -> String.valueOf(e.get("field")), e -> String.valueOf(e.get("message")), (a, b) -> a + "; " + b,
                    LinkedHashMap::new));
        }

        public String detail() {
            Object detail = body.get("detail");
            return detail == null ? String.valueOf(body.getOrDefault("title", "HTTP " + status)) : detail.toString();
        }
    }

    public static String token(HttpRequest<?> request) {
        return request.getCookies().findCookie(AuthController.SESSION_COOKIE).map(Cookie::getValue).orElse("");
    }

    /** GET a JSON object; a JSON array comes back under "items". Not found is an empty answer with 404. */
    public Answer get(HttpRequest<?> request, String path, Map<String, ?> query) {
        return send(request, "GET", path + queryString(query), null, null);
    }

    /** GET, for a page that cannot be shown without it: a refusal or failure becomes the {@link ServiceErrorPage}. */
    public Answer require(HttpRequest<?> request, String path, Map<String, ?> query) {
        Answer answer = get(request, path, query);
        if (!answer.ok()) {
            throw new ServiceUnavailable(path, answer);
        }
        return answer;
    }

    public Map<String, Object> read(HttpRequest<?> request, String path, Map<String, ?> query) {
        Answer answer = get(request, path, query);
        if (!answer.ok()) {
            throw new ServiceUnavailable(path, answer);
        }
        return answer.body();
    }

    /**
     * {@link #readPart}, begun now and taken with {@link Part#take}: a page whose parts come from several services waits
     * for the slowest, not for their sum (and for one that does not answer, once, not once per part).
     */
    public Part readPartSoon(HttpRequest<?> request, String path, Map<String, ?> query) {
        return new Part(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            List<String> outages = new java.util.ArrayList<>();
            return new Part.Read(readPart(request, path, query, outages), outages);
        }, partReaders));
    }

    /** A part of a page being read; {@link #take} waits for it. */
    public record Part(java.util.concurrent.CompletableFuture<Read> reading) {

        record Read(Map<String, Object> body, List<String> outages) {
        }

        /** The part as {@link #readPart} gives it: its body, or null with its problem added to {@code outages}. */
        public Map<String, Object> take(List<String> outages) {
            Read read;
            try {
                read = reading.join();
            } catch (java.util.concurrent.CompletionException e) {
                // A refusal (ServiceUnavailable) goes to the error page as when read in the page's own thread.
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            outages.addAll(read.outages());
            return read.body();
        }
    }

    /**
     * GET for a part of a page that the page can do without (a card, a list on the start page): when the service fails or
     * does not answer, its problem is added to {@code outages}, which the page shows, and the part is null. A refusal
     * (4xx) is shown on the error page, as by {@link #read}.
     */
    public Map<String, Object> readPart(HttpRequest<?> request, String path, Map<String, ?> query, List<String> outages) {
        Answer answer = get(request, path, query);
        if (answer.status() >= 500) {
            outages.add(answer.detail());
            return null;
        }
        if (!answer.ok()) {
            throw new ServiceUnavailable(path, answer);
        }
        return answer.body();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(HttpRequest<?> request, String path, Map<String, ?> query) {
        Object items = read(request, path, query).get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public Answer send(HttpRequest<?> request, String method, String path, Object body, String ifMatch) {
        return send(request, method, path, body, ifMatch, null);
    }

    /** A command from a form: {@code commandKey} (the form's, null for none) goes on as the service's Idempotency-Key. */
    public Answer send(HttpRequest<?> request, String method, String path, Object body, String ifMatch, String commandKey) {
        try {
            return exchange(request, method, path, body == null ? null : "application/json",
                    body == null ? null : json.writeValueAsBytes(body), ifMatch, commandKey);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the body for " + path, e);
        }
    }

    /**
     * A POST of a text that is no JSON (an intake table as CSV), in the service's own format, waiting up to {@code within}
     * for the answer: an import of thousands of rows takes longer than a page's read.
     */
    public Answer sendText(HttpRequest<?> request, String path, String contentType, String text, Duration within) {
        return exchange(request, "POST", path, contentType + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null, null, within);
    }

    private Answer exchange(HttpRequest<?> request, String method, String path, String contentType, byte[] body, String ifMatch,
                            String commandKey) {
        return exchange(request, method, path, contentType, body, ifMatch, commandKey, answerWithin);
    }

    private Answer exchange(HttpRequest<?> request, String method, String path, String contentType, byte[] body, String ifMatch,
                            String commandKey, Duration within) {
        int query = path.indexOf('?');
        // A path no service owns is the portal's own API (sign-in, the directory, users): asked of itself, over HTTP
        // like the rest, so its constraints and rules answer as they do to any client.
        URI base = routes.target(query < 0 ? path : path.substring(0, query)).orElseGet(() -> portal.get().getURI());
        var builder = java.net.http.HttpRequest.newBuilder(base.resolve(path)).timeout(within)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(request));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (commandKey != null) {
            builder.header(IDEMPOTENCY_KEY, commandKey);
        }
        HttpResponse<byte[]> response;
        try {
            if (body == null) {
                builder.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", contentType).method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            }
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // Not reached, not answered in time, or the answer broken off (the service stopped while answering).
            return outage(method, path, ServiceOutage.of(path, !"GET".equals(method), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + path, e);
        }
        Answer answer;
        try {
            answer = new Answer(response.statusCode(), parse(response.body()), response.headers().firstValue("ETag"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the answer of " + path, e);
        }
        if (commandKey != null && answer.status() == 422 && answer.fieldErrors().containsKey(IDEMPOTENCY_KEY)) {
            // The form's key went with another request: someone went back to a sent form, changed it and sent it
            // again. That is a command of its own (a form sent twice unchanged is answered as the first time).
            return exchange(request, method, path, contentType, body, ifMatch, java.util.UUID.randomUUID().toString());
        }
        return answer;
    }

    /**
     * A service that does not answer is an answer to the page, as the gateway gives it to API clients (503, 504, 502 with
     * a problem naming the service), not an exception: a page that needs the read shows it on the error page, a form
     * beside what was typed, and the start page shows what the other services answered.
     */
    private static Answer outage(String method, String path, ServiceOutage outage, IOException cause) {
        outage.log(method, path, cause);
        return new Answer(outage.status().getCode(), Map.of("title", outage.status().getReason(), "status", outage.status().getCode(),
                "detail", outage.detail()), Optional.empty());
    }

    private Map<String, Object> parse(byte[] body) throws IOException {
        if (body.length == 0) {
            return Map.of();
        }
        Object value = json.readValue(body, Argument.OBJECT_ARGUMENT);
        if (value instanceof List<?>) {
            return Map.of("items", value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of("value", value);
        return map;
    }

    static String queryString(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String joined = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue().toString())).collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A read the page needs failed; shown as an error page, never as an empty table. */
    public static class ServiceUnavailable extends RuntimeException {
        private final transient Answer answer;

        ServiceUnavailable(String path, Answer answer) {
            super(path + " answered " + answer.status() + ": " + answer.detail());
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }
}
