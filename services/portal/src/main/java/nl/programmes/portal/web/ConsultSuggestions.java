package nl.programmes.portal.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.web.domain.WhomToConsult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers what {@link WhomToConsult} needs from the overview's regional pages and the directory. */
@Singleton
public class ConsultSuggestions {

    private final PortalApi api;
    private final DirectoryService directory;

    private final java.time.Clock clock;

    public ConsultSuggestions(PortalApi api, DirectoryService directory, java.time.Clock clock) {
        this.api = api;
        this.directory = directory;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public List<WhomToConsult.Suggestion> forAnnouncement(HttpRequest<?> request, Map<String, Object> announcement,
                                                         Set<String> alreadyConsulted) {
        Map<String, Object> programme = (Map<String, Object>) announcement.get("programme");
        List<String> locations = (List<String>) announcement.get("candidateLocations");
        List<String> regions = ((List<Map<String, Object>>) api.read(request, "/api/overview/regions", Map.of()).get("regions"))
                .stream().map(r -> (String) r.get("region")).toList();
        Map<String, String> provinceOf = new HashMap<>();
        List<WhomToConsult.Offered> offered = new ArrayList<>();
        int thisYear = java.time.Year.now(clock).getValue();
        for (String region : regions) {
            Map<String, Object> page = api.read(request, "/api/overview/regions/" + PortalApi.encode(region).replace("+", "%20"), Map.of());
            Map<String, String> codeOfOffering = new HashMap<>();
            for (Map<String, Object> related : (List<Map<String, Object>>) page.getOrDefault("related", List.of())) {
                ((List<String>) related.getOrDefault("existingOfferingIds", List.of()))
                        .forEach(id -> codeOfOffering.put(id, (String) related.get("code")));
            }
            for (Map<String, Object> municipality : (List<Map<String, Object>>) page.getOrDefault("municipalities", List.of())) {
                String name = (String) municipality.get("municipality");
                provinceOf.put(name, region);
                for (Map<String, Object> e : (List<Map<String, Object>>) municipality.getOrDefault("existing", List.of())) {
                    if (!takesStudents(e, thisYear)) {
                        continue;
                    }
                    offered.add(new WhomToConsult.Offered((String) e.get("institution"), (String) e.get("programme"),
                            codeOfOffering.get((String) e.get("offeringId")), null, name, region, true));
                }
                for (Map<String, Object> i : (List<Map<String, Object>>) municipality.getOrDefault("intended", List.of())) {
                    if (!announcement.get("id").equals(i.get("announcementId"))) {
                        offered.add(new WhomToConsult.Offered((String) i.get("institution"), (String) i.get("programme"),
                                (String) i.get("code"), (String) i.get("domain"), name, region, false));
                    }
                }
            }
        }
        Set<String> provinces = new LinkedHashSet<>();
        locations.forEach(l -> {
            if (provinceOf.containsKey(l)) {
                provinces.add(provinceOf.get(l));
            }
        });
        String code = programme.get("isatCode") != null ? (String) programme.get("isatCode") : (String) programme.get("crebo");
        var intended = new WhomToConsult.Intended((String) announcement.get("institution"), (String) programme.get("name"), code,
                (String) programme.get("domain"), provinces);
        var organisations = directory.all().stream().map(o -> new WhomToConsult.Organisation(o.id(), o.name(), o.kind().name(),
                o.region(), o.locations())).toList();
        return WhomToConsult.suggest(intended, offered, organisations, alreadyConsulted);
    }

    /**
     * An existing offering still takes first-year students: it runs, or it ends with a last intake this year or later. One
     * whose last intake is past offers nothing a new programme would compete with, so it suggests no one.
     */
    static boolean takesStudents(Map<String, Object> offering, int thisYear) {
        return !(offering.get("lastIntakeYear") instanceof Number last) || last.intValue() >= thisYear;
    }
}
