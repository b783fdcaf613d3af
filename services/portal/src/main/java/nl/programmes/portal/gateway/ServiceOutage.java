package nl.programmes.portal.gateway;

import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person or an API client is told when the service that owns a path does not answer: which service (by the
 * {@code /api/} segment it owns, which the portal's bundles name in words), and what that means for what was sent. The
 * gateway answers API clients with it and the pages show it, so both say the same thing; the messages are listed in
 * {@code i18n/field-messages-with-values.txt} so a page shows them in its own language.
 *
 * @param status  503 when the service could not be reached (nothing was sent to it), 504 when it did not answer in
 *                time, 502 when it broke its answer off (in both of those, a command may still be recorded)
 * @param detail  the problem's detail, in English, naming the service
 */
public record ServiceOutage(HttpStatus status, String detail) {

    /** How long an API client is asked to wait before it tries again (the header {@code Retry-After}, in seconds). */
    public static final int RETRY_AFTER_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceOutage.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    /** When each service's outage was last logged at WARN. */
    private static final Map<String, Instant> WARNED = new ConcurrentHashMap<>();

    /** The connection was refused or could not be made: the service is down or restarting. */
    public static ServiceOutage unreachable(String path) {
        return new ServiceOutage(HttpStatus.SERVICE_UNAVAILABLE, "The service for " + service(path)
                + " is not reachable just now. Try again in a minute.");
    }

    /**
     * The request reached the service, but no whole answer came back ({@code brokenOff}: the answer began and stopped).
     * A read is simply tried again; a command may have been recorded, and every command the portal sends is safe to send
     * again (a form carries its Idempotency-Key, an edit its version), so the message says so rather than "nothing saved".
     */
    public static ServiceOutage noAnswer(String path, boolean command, boolean brokenOff) {
        HttpStatus status = brokenOff ? HttpStatus.BAD_GATEWAY : HttpStatus.GATEWAY_TIMEOUT;
        String service = service(path);
        return new ServiceOutage(status, command
                ? "The service for " + service + " did not answer in time, so what was sent may still be recorded. Sent again"
                  + " (a form as it is, or a request with the same Idempotency-Key), it is recorded once."
                : "The service for " + service + " did not answer in time. Try again in a minute.");
    }

    /**
     * The outage a failed call of the JDK's HTTP client meant: no connection (refused, or not made in time) is
     * {@link #unreachable}; a request sent and not answered in time, or an answer broken off, is {@link #noAnswer}.
     */
    public static ServiceOutage of(String path, boolean command, Throwable failure) {
        if (failure instanceof java.net.ConnectException || failure instanceof java.net.http.HttpConnectTimeoutException) {
            return unreachable(path);
        }
        return noAnswer(path, command, !(failure instanceof java.net.http.HttpTimeoutException));
    }

    private static String service(String path) {
        return GatewayRoutes.segment(path).orElse(path);
    }

    /**
     * Logs the request that met this outage: at WARN the first time a service is missed in a minute, at DEBUG after that,
     * so that an outage reads as one line a minute per service, not one per poll of every open timeline page.
     */
    public void log(String method, String path, Throwable cause) {
        Instant now = Instant.now();
        String service = service(path);
        Instant last = WARNED.get(service);
        if (last == null || !now.isBefore(last.plus(WARN_EVERY))) {
            WARNED.put(service, now);
            LOG.warn("{} {}: {} ({}); further requests to it that meet the same are logged at DEBUG for a minute",
                    method, path, status.getCode(), cause.toString());
        } else {
            LOG.debug("{} {}: {} ({})", method, path, status.getCode(), cause.toString());
        }
    }
}
