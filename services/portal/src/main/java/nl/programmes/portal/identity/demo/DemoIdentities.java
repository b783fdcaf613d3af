package nl.programmes.portal.identity.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.programmes.events.Actor;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.kit.security.Caller;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * The demo case's organisations (demo-case.md) and one demo user for each, for the local runtime
 * only: active in the {@code local} environment, which {@code ./platform up} sets and production
 * never does. Passwords come from {@code application-local.yml} and are documented in docs/identity.md.
 * Registering goes through the directory, so the organisation events are real.
 */
@Singleton
@Requires(env = "local")
@Requires(property = "platform.demo.identities", value = "true")
public class DemoIdentities {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);
    private static final Caller SYSTEM = new Caller(new Actor("demo-loader", "Demo data loader", "platform"),
            Set.of(Roles.ADMIN));

    /** An organisation and its one demo user; {@code person} is how that user is named on the pages (a role, not a real person). */
    record DemoOrganisation(String id, String name, OrganisationKind kind, String brin, List<String> locations,
                            String region, String user, String person, Set<String> roles) {
    }

    private static final String STAFF = "Beleidsmedewerker onderwijs";

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("platform", "Platformbeheer", OrganisationKind.OTHER, null, List.of(), null,
                    "admin", "Platformbeheerder", Set.of(Roles.ADMIN)),
            institution("saxion", "Saxion Hogeschool", "23AH", List.of("Enschede", "Deventer", "Apeldoorn"), "Overijssel"),
            institution("han", "Hogeschool van Arnhem en Nijmegen", null, List.of("Arnhem", "Nijmegen"), "Gelderland"),
            institution("hu", "Hogeschool Utrecht", null, List.of("Utrecht", "Amersfoort"), "Utrecht"),
            institution("windesheim", "Windesheim", null, List.of("Zwolle", "Almere"), "Overijssel"),
            institution("hva", "Hogeschool van Amsterdam", null, List.of("Amsterdam"), "Noord-Holland"),
            institution("hr", "Hogeschool Rotterdam", null, List.of("Rotterdam"), "Zuid-Holland"),
            institution("nhlstenden", "NHL Stenden", null, List.of("Leeuwarden", "Emmen"), "Friesland"),
            institution("hku", "Hogeschool der Kunsten Utrecht", null, List.of("Utrecht"), "Utrecht"),
            institution("inholland", "Inholland", null, List.of("Haarlem", "Amsterdam", "Rotterdam"), "Noord-Holland"),
            institution("zuyd", "Zuyd Hogeschool", null, List.of("Heerlen", "Maastricht"), "Limburg"),
            new DemoOrganisation("rocnoord", "ROC Noord (fictief)", OrganisationKind.MBO_COLLEGE, null,
                    List.of("Leeuwarden", "Groningen"), "Friesland", "rocnoord-staff", STAFF, Set.of(Roles.INSTITUTION_STAFF, Roles.CONSULTEE)),
            new DemoOrganisation("rocvantwente", "ROC van Twente", OrganisationKind.PARTNER_SCHOOL, null,
                    List.of("Hengelo", "Enschede", "Almelo"), "Overijssel", "rocvantwente-consultee", "Contactpersoon samenwerking", Set.of(Roles.CONSULTEE)),
            new DemoOrganisation("stuurgroep-ad-ci", "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie",
                    OrganisationKind.STEERING_COMMITTEE, null, List.of(), null, "stuurgroep-ad-ci-member",
                    "Secretaris", Set.of(Roles.STEERING_MEMBER)),
            new DemoOrganisation("bestuurlijk-overleg-oost", "Bestuurlijk overleg Oost (Saxion met HAN en Windesheim)",
                    OrganisationKind.STEERING_COMMITTEE, null, List.of(), "Oost-Nederland", "bestuurlijk-overleg-oost-member",
                    "Secretaris", Set.of(Roles.STEERING_MEMBER)));

    private final DirectoryService directory;
    private final AccountService accounts;
    private final String password;

    public DemoIdentities(DirectoryService directory, AccountService accounts,
                          @Value("${platform.demo.password}") String password) {
        this.directory = directory;
        this.accounts = accounts;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int created = 0;
        for (DemoOrganisation demo : ORGANISATIONS) {
            if (directory.all().stream().noneMatch(o -> o.id().equals(demo.id()))) {
                directory.register(Organisation.of(demo.id(), demo.name(), demo.kind(), demo.brin(), null,
                        demo.locations(), demo.region(), 1), SYSTEM);
                created++;
            }
            if (accounts.find(demo.user()).isEmpty()) {
                accounts.create(demo.user(), demo.person() + " (demo)", demo.id(), demo.roles(), password, false);
            }
        }
        if (created > 0) {
            LOG.info("Registered {} demo organisations and their demo users (local runtime only)", created);
        }
    }

    private static DemoOrganisation institution(String id, String name, String brin, List<String> locations, String region) {
        return new DemoOrganisation(id, name, OrganisationKind.HBO_INSTITUTION, brin, locations, region, id + "-staff", STAFF,
                Set.of(Roles.INSTITUTION_STAFF, Roles.CONSULTEE));
    }
}
