package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The services name organisations by their directory id ({@code han}, {@code stuurgroep-ad-ci}); people know them by
 * name. Every page gets {@code orgs}: {@code ${orgs.name(c.consultedOrganisation)}} is "Hogeschool van Arnhem en
 * Nijmegen", or the id itself for one the directory does not hold. The directory is read at most once per
 * {@link #FRESH_FOR} (it changes a few times a year) and only by a page that names an organisation.
 */
@Singleton
public class OrganisationNames implements ViewModelProcessor<Map<String, Object>> {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final DirectoryService directory;
    private final Clock clock;
    private volatile Read last = new Read(Instant.MIN, Map.of());

    private record Read(Instant at, Map<String, String> names) {
    }

    public OrganisationNames(DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> model.put("orgs", new Names(this::names)));
    }

    private Map<String, String> names() {
        Read read = last;
        Instant now = clock.instant();
        if (read.at().plus(FRESH_FOR).isBefore(now)) {
            read = new Read(now, directory.all().stream().collect(Collectors.toUnmodifiableMap(Organisation::id, Organisation::name)));
            last = read;
        }
        return read.names();
    }

    /** What templates call; reads the directory on its first name. */
    public static final class Names {
        private final Supplier<Map<String, String>> names;
        private Map<String, String> read;

        Names(Supplier<Map<String, String>> names) {
            this.names = names;
        }

        public String name(String id) {
            if (id == null) {
                return "";
            }
            if (read == null) {
                read = names.get();
            }
            return read.getOrDefault(id, id);
        }
    }
}
