package nl.programmes.overview.read;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedProgrammesTest {

    @Test
    void programmesWithTheSameCodeGoTogetherAndOneAloneRelatesToNothing() {
        List<Views.Related> related = OverviewReads.related(
                List.of(offering("hva-smp", "80179"), offering("hu-occ", "80150"), offering("zuyd-ict", null)),
                List.of(intended("a24-056", "80179", null)));
        assertThat(related).containsExactly(new Views.Related("80179", null, List.of("hva-smp"), List.of("a24-056")));
    }

    @Test
    void intendedProgrammesInOneDomainGoTogetherWithTheOfferingsOfTheirCodes() {
        List<Views.Related> related = OverviewReads.related(List.of(offering("nhl-cmp", "80151"), offering("hr-cc", "80035")),
                List.of(intended("a24-056", "80179", "Technologie & Media"), intended("x-1", "80151", "technologie & media "),
                        intended("x-2", null, "Zorg"), intended("x-3", "80035", " ")));
        // x-3's blank domain is no domain; its code still ties it to hr-cc.
        assertThat(related).containsExactly(
                new Views.Related("80035", null, List.of("hr-cc"), List.of("x-3")),
                new Views.Related("80151", null, List.of("nhl-cmp"), List.of("x-1")),
                new Views.Related(null, "Technologie & Media", List.of("nhl-cmp"), List.of("a24-056", "x-1")));
    }

    private static Views.Offering offering(String id, String code) {
        return new Views.Offering(id, "inst", "Institution", "Programme " + id, code, "ASSOCIATE_DEGREE", "VOLTIJD", "Utrecht", Map.of(), null);
    }

    private static Views.Intended intended(String id, String code, String domain) {
        return new Views.Intended(id, "REF-" + id, "inst", "Institution", "Programme " + id, "ASSOCIATE_DEGREE", code,
                List.of("VOLTIJD"), List.of("Enschede"), "ANNOUNCED", "2026-09", domain);
    }
}
