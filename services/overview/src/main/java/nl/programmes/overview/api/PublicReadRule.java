package nl.programmes.overview.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Opens the overview and timeline for reading without sign-in, when a deployment chooses to
 * ({@code platform.overview.public-read=true}). Only GET, only the overview's own read paths; the
 * projection status and everything else still need a signed-in user.
 */
@Singleton
@Requires(property = "platform.overview.public-read", value = "true")
public class PublicReadRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && request.getMethod() == HttpMethod.GET) {
            String path = request.getPath();
            if ((path.startsWith("/api/overview/") && !path.startsWith("/api/overview/status")) || path.startsWith("/api/timeline")) {
                return Publishers.just(SecurityRuleResult.ALLOWED);
            }
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        // Before the @Secured rule, which would otherwise reject anonymous readers first.
        return -1000;
    }
}
