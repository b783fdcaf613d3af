package nl.programmes.kit.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated token into the platform's principal: name = {@code sub}, attributes {@code org}
 * and {@code name}, and roles. The platform's own tokens carry those claims directly; tokens of an
 * external issuer named in {@link IssuerMapping} are translated, so SURFconext can replace the local
 * login without any service changing.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class PlatformJwtAuthenticationFactory implements JwtAuthenticationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformJwtAuthenticationFactory.class);
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.INSTITUTION_STAFF, Roles.CONSULTEE,
            Roles.STEERING_MEMBER, Roles.ADMIN);

    private final List<IssuerMapping> issuers;

    public PlatformJwtAuthenticationFactory(List<IssuerMapping> issuers) {
        this.issuers = issuers;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            if (claims.getSubject() == null) {
                return Optional.empty();
            }
            Optional<IssuerMapping> external = issuers.stream()
                    .filter(mapping -> mapping.getIssuer() != null && mapping.getIssuer().equals(claims.getIssuer()))
                    .findFirst();
            return Optional.of(external.map(mapping -> translate(claims, mapping)).orElseGet(() -> direct(claims)));
        } catch (ParseException e) {
            LOG.debug("Unreadable token claims: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Authentication direct(JWTClaimsSet claims) {
        Map<String, Object> attributes = new HashMap<>();
        put(attributes, Actors.ORGANISATION_CLAIM, claims.getClaim(Actors.ORGANISATION_CLAIM));
        put(attributes, Actors.NAME_CLAIM, claims.getClaim(Actors.NAME_CLAIM));
        return Authentication.build(claims.getSubject(), known(values(claims.getClaim("roles"))), attributes);
    }

    private static Authentication translate(JWTClaimsSet claims, IssuerMapping mapping) {
        Map<String, Object> attributes = new HashMap<>();
        for (String external : values(claims.getClaim(mapping.getOrganisationClaim()))) {
            String organisation = mapping.organisationTranslations().get(external);
            if (organisation != null) {
                attributes.put(Actors.ORGANISATION_CLAIM, organisation);
                break;
            }
        }
        put(attributes, Actors.NAME_CLAIM, claims.getClaim(mapping.getNameClaim()));
        attributes.put("iss", mapping.getName());
        Set<String> roles = new LinkedHashSet<>();
        for (String external : values(claims.getClaim(mapping.getRolesClaim()))) {
            String role = mapping.roleTranslations().get(external);
            if (role != null) {
                roles.add(role);
            }
        }
        return Authentication.build(claims.getSubject(), known(roles), attributes);
    }

    private static Set<String> known(Collection<String> roles) {
        Set<String> kept = new LinkedHashSet<>();
        for (String role : roles) {
            if (KNOWN_ROLES.contains(role)) {
                kept.add(role);
            }
        }
        return kept;
    }

    private static List<String> values(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(claim.toString());
    }

    private static void put(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
    }
}
