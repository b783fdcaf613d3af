package nl.programmes.portal.web.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The twelve provinces and which share a border (Friesland–Noord-Holland by the Afsluitdijk). */
public final class Provinces {

    private static final Map<String, Set<String>> NEIGHBOURS = Map.ofEntries(
            Map.entry("Groningen", Set.of("Friesland", "Drenthe")),
            Map.entry("Friesland", Set.of("Groningen", "Drenthe", "Overijssel", "Flevoland", "Noord-Holland")),
            Map.entry("Drenthe", Set.of("Groningen", "Friesland", "Overijssel")),
            Map.entry("Overijssel", Set.of("Drenthe", "Friesland", "Flevoland", "Gelderland")),
            Map.entry("Flevoland", Set.of("Friesland", "Overijssel", "Gelderland", "Utrecht", "Noord-Holland")),
            Map.entry("Gelderland", Set.of("Overijssel", "Flevoland", "Utrecht", "Zuid-Holland", "Noord-Brabant", "Limburg")),
            Map.entry("Utrecht", Set.of("Gelderland", "Flevoland", "Noord-Holland", "Zuid-Holland")),
            Map.entry("Noord-Holland", Set.of("Friesland", "Flevoland", "Utrecht", "Zuid-Holland")),
            Map.entry("Zuid-Holland", Set.of("Noord-Holland", "Utrecht", "Gelderland", "Noord-Brabant", "Zeeland")),
            Map.entry("Zeeland", Set.of("Zuid-Holland", "Noord-Brabant")),
            Map.entry("Noord-Brabant", Set.of("Zeeland", "Zuid-Holland", "Gelderland", "Limburg")),
            Map.entry("Limburg", Set.of("Noord-Brabant", "Gelderland")));

    private Provinces() {
    }

    public static Set<String> neighboursOf(String province) {
        return NEIGHBOURS.getOrDefault(province, Set.of());
    }

    public static boolean neighbours(String a, String b) {
        return neighboursOf(a).contains(b);
    }

    public static List<String> all() {
        return NEIGHBOURS.keySet().stream().sorted().toList();
    }
}
