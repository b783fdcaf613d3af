package nl.programmes.announcements;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.FakeIssuer;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SURFconext-style sign-in, by configuration only: a token from an external issuer, with that
 * federation's claims, is mapped to the platform's organisation and roles. Played by a local fake issuer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalIdentityProviderTest implements TestPropertyProvider {

    private static final String STAFF_ENTITLEMENT = "urn:mace:surf.nl:programmes:institution-staff";

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final FakeIssuer surfconext = new FakeIssuer("https://connect.surfconext.example");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(announcements.properties());
        properties.put("platform.identity.jwks-urls", TestPlatform.get().tokens().jwksUrl() + "," + surfconext.jwksUrl());
        properties.put("platform.identity.issuers.surfconext.issuer", surfconext.issuer());
        properties.put("platform.identity.issuers.surfconext.organisation-claim", "schac_home_organization");
        properties.put("platform.identity.issuers.surfconext.organisations", "saxion.nl=saxion;hu.nl=hu");
        properties.put("platform.identity.issuers.surfconext.roles-claim", "eduperson_entitlement");
        properties.put("platform.identity.issuers.surfconext.roles", STAFF_ENTITLEMENT + "=INSTITUTION_STAFF");
        return properties;
    }

    @AfterAll
    void stopIssuer() {
        surfconext.close();
    }

    @Test
    void federatedStaffOfSaxionMayAnnounceForSaxion() {
        String token = surfconext.token("urn:collab:person:saxion.nl:pm", Map.of(
                "schac_home_organization", "saxion.nl", "name", "Programme manager (SURFconext)",
                "eduperson_entitlement", List.of(STAFF_ENTITLEMENT, "urn:mace:other:thing")));

        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/announcements",
                smartMediaProduction("SURF-001")).bearerAuth(token), Map.class);

        assertThat(created.code()).isEqualTo(201);
        assertThat(announcements.count("SELECT COUNT(*) FROM announcement_history WHERE actor_org = 'saxion' "
                + "AND actor_user = 'urn:collab:person:saxion.nl:pm'")).isEqualTo(1);
    }

    @Test
    void unmappedOrganisationOrEntitlementGivesNoRights() {
        String unknownSchool = surfconext.token("urn:collab:person:elsewhere.nl:x", Map.of(
                "schac_home_organization", "elsewhere.nl", "eduperson_entitlement", List.of(STAFF_ENTITLEMENT)));
        String noEntitlement = surfconext.token("urn:collab:person:saxion.nl:student", Map.of(
                "schac_home_organization", "saxion.nl", "eduperson_entitlement", List.of("urn:mace:student")));

        for (String token : List.of(unknownSchool, noEntitlement)) {
            HttpClientResponseException denied = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.POST("/api/announcements", smartMediaProduction("SURF-002")).bearerAuth(token), Map.class));
            assertThat(denied.getStatus().getCode()).isEqualTo(403);
        }
    }
}
