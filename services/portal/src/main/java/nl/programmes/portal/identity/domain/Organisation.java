package nl.programmes.portal.identity.domain;

import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** An organisation in the directory: who may act, under which codes, where. */
public record Organisation(String id, String name, OrganisationKind kind, String brin, String kvk,
                           List<String> locations, String region, int version) {

    /** Checks the rules a well-formed entry must still meet. */
    public static Organisation of(String id, String name, OrganisationKind kind, String brin, String kvk,
                                  List<String> locations, String region, int version) {
        List<FieldViolation> violations = new ArrayList<>();
        check(kind, brin, locations, violations);
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        return new Organisation(id, name.strip(), kind, brin, kvk, distinctLocations(locations), region, version);
    }

    /**
     * The entry's rules. The API runs them too on a request whose other fields are malformed, so all its mistakes come
     * in one answer; they skip what they are not given.
     */
    public static void check(OrganisationKind kind, String brin, List<String> locations, List<FieldViolation> violations) {
        if (locations != null && distinctLocations(locations).size() != locations.size()) {
            violations.add(new FieldViolation("locations", "must not name a municipality twice"));
        }
        if (brin != null && kind != null && !kind.isSchool()) {
            violations.add(new FieldViolation("brin", "only schools and institutions have a BRIN code"));
        }
    }

    private static List<String> distinctLocations(List<String> locations) {
        return List.copyOf(new LinkedHashSet<>(locations.stream().filter(l -> l != null).map(String::strip).toList()));
    }
}
