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
        List<String> distinct = List.copyOf(new LinkedHashSet<>(locations.stream().map(String::strip).toList()));
        if (distinct.size() != locations.size()) {
            violations.add(new FieldViolation("locations", "must not name a municipality twice"));
        }
        if (brin != null && kind != OrganisationKind.HBO_INSTITUTION && kind != OrganisationKind.WO_INSTITUTION
                && kind != OrganisationKind.MBO_COLLEGE && kind != OrganisationKind.PARTNER_SCHOOL) {
            violations.add(new FieldViolation("brin", "only schools and institutions have a BRIN code"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
        return new Organisation(id, name.strip(), kind, brin, kvk, distinct, region, version);
    }
}
