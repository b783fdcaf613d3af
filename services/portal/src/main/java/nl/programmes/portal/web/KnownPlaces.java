package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.programmes.kit.places.PlaceNames;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The places the overview's municipality table holds ({@code GET /api/overview/municipalities}). A programme anywhere
 * else is shown under "region unknown"; a page warns the person who can still correct a misspelt place.
 */
@Singleton
public class KnownPlaces {

    private final PortalApi api;

    public KnownPlaces(PortalApi api) {
        this.api = api;
    }

    /** Those of the places the table does not hold, in their order; null when the overview cannot say now. */
    public List<String> unknownAmong(HttpRequest<?> request, Collection<String> places) {
        List<Map<String, Object>> table = table(request);
        if (table == null) {
            return null; // a warning, not a need: the page does without it
        }
        // As the table's key and the overview compare places: "enschede" is Enschede.
        Set<String> known = table.stream().map(m -> PlaceNames.key(String.valueOf(m.get("municipality")))).collect(Collectors.toSet());
        return places.stream().filter(place -> place != null && !known.contains(PlaceNames.key(place))).distinct().toList();
    }

    /** The province the table places a municipality in; null when it holds none, or the overview cannot say now. */
    public String provinceOf(HttpRequest<?> request, String municipality) {
        List<Map<String, Object>> table = table(request);
        return table == null || municipality == null ? null : table.stream()
                .filter(m -> PlaceNames.key(municipality).equals(PlaceNames.key(String.valueOf(m.get("municipality")))))
                .map(m -> String.valueOf(m.get("province"))).findFirst().orElse(null);
    }

    /** The provinces the table places municipalities in, by name; empty when the overview cannot say now. */
    public List<String> provinces(HttpRequest<?> request) {
        List<Map<String, Object>> table = table(request);
        return table == null ? List.of() : table.stream().map(m -> String.valueOf(m.get("province"))).distinct().sorted().toList();
    }

    /**
     * The table, kept for a minute: it is the same for everyone and seldom changes, and an announcement's page asks for
     * it at every view by its institution (the overview itself reads it again once a minute).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> table(HttpRequest<?> request) {
        Read last = read;
        if (last != null && last.at().plus(KEPT_FOR).isAfter(Instant.now())) {
            return last.table();
        }
        PortalApi.Answer answer = api.get(request, "/api/overview/municipalities", Map.of());
        if (!answer.ok()) {
            return null;
        }
        List<Map<String, Object>> table = (List<Map<String, Object>>) answer.body().getOrDefault("municipalities", List.of());
        read = new Read(table, Instant.now());
        return table;
    }

    /** Forgets the table kept, so the next page reads it anew (an administrator just placed a municipality). */
    public void changed() {
        read = null;
    }

    private static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private record Read(List<Map<String, Object>> table, Instant at) {
    }

    private volatile Read read;
}
