package nl.programmes.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import nl.programmes.kit.security.Actors;
import nl.programmes.kit.security.Caller;
import nl.programmes.kit.security.Roles;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The model every page shares: who is signed in, for which organisation, with which roles. */
public final class Page {

    private Page() {
    }

    public record Me(String user, String name, String organisation, boolean staff, boolean consultee,
                     boolean steering, boolean admin) {

        /** Acts for the institution as the services allow: its own staff, or an administrator (for any). */
        public boolean staffOf(String institution) {
            return admin || (staff && organisation.equals(institution));
        }
    }

    public static Me me(Authentication authentication) {
        Caller caller = Actors.caller(authentication);
        return new Me(caller.actor().userId(), caller.actor().displayName(), caller.organisationId(),
                caller.roles().contains(Roles.INSTITUTION_STAFF), caller.roles().contains(Roles.CONSULTEE),
                caller.roles().contains(Roles.STEERING_MEMBER), caller.roles().contains(Roles.ADMIN));
    }

    /** A page for the signed-in user; anyone else is sent to sign in and brought back afterwards. */
    public static MutableHttpResponse<?> render(@Nullable Authentication authentication, HttpRequest<?> request,
                                                String view, Map<String, Object> model) {
        if (authentication == null) {
            return signIn(request);
        }
        return HttpResponse.ok(view(authentication, request, view, model));
    }

    public static ModelAndView<Map<String, Object>> view(@Nullable Authentication authentication, HttpRequest<?> request,
                                                         String view, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("me", authentication == null ? null : me(authentication));
        all.put("path", request.getUri().toString());
        all.putIfAbsent("errors", Map.of());
        all.put("times", LocalTimes.INSTANCE);
        all.put("readAt", java.time.Instant.now().toString()); // a printed page says when it was read (layout)
        // For the command forms (fragments :: commandKey): sent on as the service's Idempotency-Key.
        all.put("commandKey", java.util.UUID.randomUUID().toString());
        return new ModelAndView<>(view, all);
    }

    public static MutableHttpResponse<?> unprocessable(Authentication authentication, HttpRequest<?> request,
                                                       String view, Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(view(authentication, request, view, model));
    }

    public static MutableHttpResponse<?> signIn(HttpRequest<?> request) {
        return seeOther("/sign-in?next=" + PortalApi.encode(request.getUri().toString()));
    }

    /** 303 after a successful form post, so a reload does not post again. */
    public static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(location)));
    }
}
