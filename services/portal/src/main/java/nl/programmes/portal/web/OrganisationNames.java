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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The services name organisations by their directory id ({@code han}, {@code stuurgroep-ad-ci}); people know them by
 * name. Every page gets {@code orgs}: {@code ${orgs.name(c.consultedOrganisation)}} is "Hogeschool van Arnhem en
 * Nijmegen", or the id itself for one the directory does not hold. The directory is read at most once per
 * {@link #FRESH_FOR} (it changes a few times a year) and only by a page that names an organisation; an id the last read
 * does not know (an organisation registered a moment ago) has it read again, at most once per {@link #UNKNOWN_FRESH_FOR}.
 */
@Singleton
public class OrganisationNames implements ViewModelProcessor<Map<String, Object>> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrganisationNames.class);

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final Duration UNKNOWN_FRESH_FOR = Duration.ofSeconds(1);

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

    /**
     * The names as last read, or read again when that read is older than a name may be ({@code unknown}: one was missing).
     * When the directory cannot be read (the portal's database away), the names last read stay, or the ids where none
     * were: a page that can be shown otherwise is not lost over its names, and is not held up by a read per name.
     */
    private Map<String, String> names(boolean unknown) {
        Read read = last;
        Instant now = clock.instant();
        if (read.at().plus(unknown ? UNKNOWN_FRESH_FOR : FRESH_FOR).isBefore(now)) {
            try {
                read = new Read(now, directory.all().stream().collect(Collectors.toUnmodifiableMap(Organisation::id, Organisation::name)));
            } catch (RuntimeException e) {
                LOG.warn("Could not read the directory for organisations' names; showing the {} read before, and ids for the rest: {}",
                        read.names().size(), e.toString());
                read = new Read(now, read.names());
            }
            last = read;
        }
        return read.names();
    }

    /** What templates call; reads the directory on its first name, and once more on the first it does not know. */
    public static final class Names {
        private final Function<Boolean, Map<String, String>> names;
        private Map<String, String> read;
        private boolean readForUnknown;

        Names(Function<Boolean, Map<String, String>> names) {
            this.names = names;
        }

        public String name(String id) {
            if (id == null) {
                return "";
            }
            if (read == null) {
                read = names.apply(false);
            }
            if (!read.containsKey(id) && !readForUnknown) {
                readForUnknown = true;
                read = names.apply(true);
            }
            return read.getOrDefault(id, id);
        }
    }
}
