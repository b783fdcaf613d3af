package nl.programmes.portal.web.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Suggests whom an institution should consult on an intended programme: the organisations that offer or
 * intend a related programme (same ISAT/CROHO/crebo code, the same domain, or failing both a distinctive word
 * of the name in common) in the region of a candidate location or a neighbouring one, and the partner schools of
 * that region. Every suggestion says why.
 * <p>
 * The name is the weakest tie, but the register of existing offerings carries no domain and often no code: without
 * it the demo case's Smart Media Production found none of the media programmes around it.
 */
public final class WhomToConsult {

    /** The programme being announced. */
    public record Intended(String institution, String name, String code, String domain, Collection<String> provinces) {
    }

    /** A programme somewhere in the country, existing or intended. */
    public record Offered(String institution, String programme, String code, String domain, String location,
                          String province, boolean existing) {
    }

    public record Organisation(String id, String name, String kind, String region, List<String> locations) {
    }

    public enum Relation { SAME_CODE, SAME_DOMAIN, SIMILAR_NAME, PARTNER_SCHOOL }

    /** Why; {@code word} is the word the names share, for {@link Relation#SIMILAR_NAME} only. */
    public record Reason(Relation relation, String programme, String location, String province, boolean neighbouring,
                         boolean existing, String word) {
    }

    public record Suggestion(String organisation, String name, List<Reason> reasons) {
        int weight() {
            return reasons.stream().mapToInt(r -> (r.relation() == Relation.SAME_CODE ? 4 : r.relation() == Relation.SAME_DOMAIN ? 2 : 1)
                    * (r.neighbouring() ? 1 : 2)).sum();
        }
    }

    /** Words that say what kind of programme it is, not what it is about. */
    private static final Set<String> GENERIC = Set.of("associate", "degree", "bachelor", "master", "opleiding", "programme",
            "program", "studie", "studies", "voor", "with", "and", "met", "van", "der", "den", "het", "een", "the");

    private WhomToConsult() {
    }

    public static List<Suggestion> suggest(Intended intended, Collection<Offered> offered, Collection<Organisation> organisations,
                                           Set<String> alreadyConsulted) {
        Map<String, Organisation> byId = new LinkedHashMap<>();
        organisations.forEach(o -> byId.put(o.id(), o));
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        for (Offered o : offered) {
            if (o.institution().equals(intended.institution()) || o.province() == null) {
                continue;
            }
            boolean same = intended.provinces().contains(o.province());
            boolean neighbouring = !same && intended.provinces().stream().anyMatch(p -> Provinces.neighbours(p, o.province()));
            if (!same && !neighbouring) {
                continue;
            }
            Relation relation = intended.code() != null && intended.code().equals(o.code()) ? Relation.SAME_CODE
                    : sameDomain(intended.domain(), o.domain()) ? Relation.SAME_DOMAIN : null;
            String word = relation == null ? sharedWord(intended.name(), o.programme()) : null; // the name only when nothing else ties
            if (word != null) {
                relation = Relation.SIMILAR_NAME;
            }
            if (relation != null) {
                reasons.computeIfAbsent(o.institution(), k -> new ArrayList<>()).add(new Reason(relation, o.programme(), o.location(),
                        o.province(), neighbouring, o.existing(), word));
            }
        }
        for (Organisation o : organisations) {
            boolean school = "PARTNER_SCHOOL".equals(o.kind()) || "MBO_COLLEGE".equals(o.kind());
            if (school && !o.id().equals(intended.institution()) && o.region() != null && intended.provinces().contains(o.region())) {
                reasons.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(new Reason(Relation.PARTNER_SCHOOL, null,
                        o.locations().isEmpty() ? null : String.join(", ", o.locations()), o.region(), false, true, null));
            }
        }
        return reasons.entrySet().stream()
                .filter(e -> !alreadyConsulted.contains(e.getKey()))
                .map(e -> new Suggestion(e.getKey(), byId.containsKey(e.getKey()) ? byId.get(e.getKey()).name() : e.getKey(),
                        e.getValue().stream().distinct().toList()))
                .sorted(Comparator.comparingInt(Suggestion::weight).reversed().thenComparing(Suggestion::name))
                .toList();
    }

    /**
     * The first word of the intended name, as written there, that the other name has too: four letters or more, and not
     * one of {@link #GENERIC}. "Smart Media Production" and "Ad Digitale Techniek & Media" share "Media".
     */
    static String sharedWord(String intended, String other) {
        if (intended == null || other == null) {
            return null;
        }
        Set<String> theirs = new java.util.HashSet<>(words(other).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        return words(intended).stream().filter(w -> theirs.contains(w.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    private static List<String> words(String name) {
        return java.util.Arrays.stream(name.split("[^\\p{L}]+"))
                .filter(w -> w.length() >= 4 && !GENERIC.contains(w.toLowerCase(Locale.ROOT))).toList();
    }

    private static boolean sameDomain(String a, String b) {
        return a != null && b != null && !a.isBlank() && Objects.equals(a.strip().toLowerCase(Locale.ROOT), b.strip().toLowerCase(Locale.ROOT));
    }
}
