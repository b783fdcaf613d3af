package nl.programmes.kit.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.HashMap;
import java.util.Map;

/**
 * How to read an external identity provider's tokens (SURFconext, or any OIDC provider): which
 * claims name the organisation, the roles and the person, and how their values translate into the
 * platform's organisation ids and roles. Configured per issuer:
 *
 * <pre>
 * platform.identity.issuers.surfconext.issuer=https://connect.surfconext.nl
 * platform.identity.issuers.surfconext.organisation-claim=schac_home_organization
 * platform.identity.issuers.surfconext.organisations=saxion.nl=saxion;hu.nl=hu
 * platform.identity.issuers.surfconext.roles-claim=eduperson_entitlement
 * platform.identity.issuers.surfconext.roles=urn:mace:surf.nl:programmes:staff=INSTITUTION_STAFF
 * </pre>
 *
 * A value without a translation is not trusted: an unknown organisation gives no organisation
 * (every command is then refused) and an unknown entitlement gives no role.
 */
@EachProperty("platform.identity.issuers")
public class IssuerMapping {

    private final String name;
    private String issuer;
    private String organisationClaim = "org";
    private String rolesClaim = "roles";
    private String nameClaim = "name";
    private Map<String, String> organisations = new HashMap<>();
    private Map<String, String> roles = new HashMap<>();

    public IssuerMapping(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getOrganisationClaim() {
        return organisationClaim;
    }

    public void setOrganisationClaim(String organisationClaim) {
        this.organisationClaim = organisationClaim;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public String getNameClaim() {
        return nameClaim;
    }

    public void setNameClaim(String nameClaim) {
        this.nameClaim = nameClaim;
    }

    public Map<String, String> organisationTranslations() {
        return organisations;
    }

    /** {@code external=internal;external2=internal2}: URNs hold colons, so the pairs use '=' and ';'. */
    public void setOrganisations(String pairs) {
        this.organisations = parse(pairs);
    }

    public Map<String, String> roleTranslations() {
        return roles;
    }

    public void setRoles(String pairs) {
        this.roles = parse(pairs);
    }

    static Map<String, String> parse(String pairs) {
        Map<String, String> map = new HashMap<>();
        if (pairs == null) {
            return map;
        }
        for (String pair : pairs.split(";")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return map;
    }
}
