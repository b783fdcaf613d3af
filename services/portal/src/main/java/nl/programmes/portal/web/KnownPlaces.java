package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

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
        Set<String> known = table.stream().map(m -> String.valueOf(m.get("municipality"))).collect(Collectors.toSet());
        return places.stream().filter(place -> place != null && !known.contains(place)).distinct().toList();
    }

    /** The provinces the table places municipalities in, by name; empty when the overview cannot say now. */
    public List<String> provinces(HttpRequest<?> request) {
        List<Map<String, Object>> table = table(request);
        return table == null ? List.of() : table.stream().map(m -> String.valueOf(m.get("province"))).distinct().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> table(HttpRequest<?> request) {
        PortalApi.Answer answer = api.get(request, "/api/overview/municipalities", Map.of());
        return answer.ok() ? (List<Map<String, Object>>) answer.body().getOrDefault("municipalities", List.of()) : null;
    }
}
