package nl.programmes.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries STYLE.md draws, enforced: events depend on nothing of ours, the service kit on events
 * only, services on events and the kit but never on each other, and domain packages stay free of
 * HTTP, Kafka and persistence.
 */
class ModuleBoundariesTest {

    private static final List<String> SERVICES = List.of("announcements", "consultations", "steering", "overview", "portal");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.programmes");

    @Test
    void eventsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("nl.programmes.events..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.programmes.kit..", "nl.programmes.runtime..",
                        "nl.programmes.testkit..", "nl.programmes.announcements..", "nl.programmes.consultations..",
                        "nl.programmes.steering..", "nl.programmes.overview..", "nl.programmes.portal..")
                .check(classes);
    }

    @Test
    void serviceKitKnowsNoService() {
        noClasses().that().resideInAPackage("nl.programmes.kit..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.programmes.runtime..", "nl.programmes.testkit..",
                        "nl.programmes.announcements..", "nl.programmes.consultations..", "nl.programmes.steering..",
                        "nl.programmes.overview..", "nl.programmes.portal..")
                .check(classes);
    }

    @Test
    void servicesNeverDependOnEachOtherNorOnTheRuntime() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "nl.programmes." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("nl.programmes." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
            noClasses().that().resideInAPackage("nl.programmes." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("nl.programmes.runtime..", "nl.programmes.testkit..")
                    .check(classes);
        }
    }

    /**
     * A command that records a fact may be sent twice (a retry, a form posted twice); with an Idempotency-Key it is
     * carried out once. Left out: recording an intake and importing the intake table, which change nothing when
     * repeated (OfferingService compares with what is recorded), the overview's operator actions, and the portal's
     * directory and users, whose ids and names are unique keys (a repeat is a 422, not a second fact).
     */
    @Test
    void everyCommandOfTheWritingServicesTakesAnIdempotencyKey() {
        DescribedPredicate<JavaMethod> commands = DescribedPredicate.describe("are POST, PUT or PATCH endpoints",
                method -> method.isAnnotatedWith(io.micronaut.http.annotation.Post.class)
                        || method.isAnnotatedWith(io.micronaut.http.annotation.Put.class)
                        || method.isAnnotatedWith(io.micronaut.http.annotation.Patch.class));
        methods().that().areDeclaredInClassesThat().resideInAnyPackage("nl.programmes.announcements..",
                        "nl.programmes.consultations..", "nl.programmes.steering..")
                .and(commands)
                .and().doNotHaveName("reportIntake").and().doNotHaveName("importTable")
                .should().beAnnotatedWith(nl.programmes.kit.command.IdempotentCommand.class)
                .check(classes);
    }

    @Test
    void domainPackagesStayFreeOfHttpKafkaAndPersistence() {
        noClasses().that().resideInAPackage("nl.programmes.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "org.apache.kafka..",
                        "io.micronaut.configuration.kafka..", "io.micronaut.data..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
