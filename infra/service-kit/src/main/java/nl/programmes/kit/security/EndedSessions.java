package nl.programmes.kit.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A service's knowledge of the accounts whose access changed, read from the portal every few seconds, so that a token
 * whose session the portal has ended (its account disabled, or its roles or password changed) is refused here too, not
 * only at the portal's gateway. The portal publishes them at {@code /.well-known/ended-sessions}, named by a hash of the
 * user id ({@link AccountAccess#published}). Until the first read, and while the portal cannot be reached, the service
 * goes by what it read last (at first nothing: tokens are checked for their signature and expiry only); its log says so
 * once the portal has been out of reach for a while (at a start, the portal may come up after the service).
 */
@Singleton
@Requires(property = "platform.identity.ended-sessions-url", pattern = ".+")
public class EndedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

    /** What the portal publishes. */
    @Serdeable
    public record Published(List<Account> accounts) {
    }

    /** An account whose access changed: {@code user} is {@link AccountAccess#published} of its user id. */
    @Serdeable
    public record Account(String user, int stamp, boolean enabled) {
    }

    private final URI url;
    private final JsonMapper json;
    private final AccountAccess access = new AccountAccess(Clock.systemUTC());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Reads that failed in a row: at a start the portal may come up after this service, so only a run of them warns. */
    private int failures;
    private boolean everRead;

    public EndedSessions(@Value("${platform.identity.ended-sessions-url}") String url, JsonMapper json) {
        this.url = URI.create(url.strip());
        this.json = json;
    }

    @Scheduled(fixedDelay = "${platform.identity.access-refresh:5s}", initialDelay = "1s")
    void refresh() {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("status " + answer.statusCode());
            }
            json.readValue(answer.body(), Published.class).accounts()
                    .forEach(account -> access.learn(new AccountAccess.Access(account.user(), account.enabled(), account.stamp())));
            if (!everRead || failures > 0) {
                LOG.info("Reading ended sessions from {}", url);
            }
            everRead = true;
            failures = 0;
        } catch (IOException | RuntimeException e) {
            failures++;
            if (failures == (everRead ? 1 : 12)) {
                LOG.warn("Could not read ended sessions from {} ({}); {}", url, e.toString(), everRead
                        ? "going by what was read before" : "until it can, tokens are checked for signature and expiry only");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a token of the portal's, for this user with this stamp, still opens a session. */
    public boolean admits(String userId, int stamp) {
        return access.admits(AccountAccess.published(userId), stamp);
    }
}
