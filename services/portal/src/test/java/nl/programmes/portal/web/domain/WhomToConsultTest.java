package nl.programmes.portal.web.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WhomToConsultTest {

    private static final List<WhomToConsult.Organisation> DIRECTORY = List.of(
            new WhomToConsult.Organisation("saxion", "Saxion", "HBO_INSTITUTION", "Overijssel", List.of("Enschede")),
            new WhomToConsult.Organisation("han", "HAN", "HBO_INSTITUTION", "Gelderland", List.of("Arnhem")),
            new WhomToConsult.Organisation("hu", "HU", "HBO_INSTITUTION", "Utrecht", List.of("Amersfoort")),
            new WhomToConsult.Organisation("hz", "HZ University of Applied Sciences", "HBO_INSTITUTION", "Zeeland", List.of("Vlissingen")),
            new WhomToConsult.Organisation("rocvantwente", "ROC van Twente", "PARTNER_SCHOOL", "Overijssel", List.of("Hengelo")));

    private final WhomToConsult.Intended smartMedia = new WhomToConsult.Intended("saxion", "80179", "Media",
            Set.of("Overijssel", "Gelderland"));

    @Test
    void suggestsRelatedProgrammesInTheSameAndNeighbouringRegionsWithTheirReasons() {
        var offered = List.of(
                new WhomToConsult.Offered("han", "Ad Online Content Creator", "80179", null, "Arnhem", "Gelderland", true),
                new WhomToConsult.Offered("hu", "Ad Digitale Techniek & Media", "80001", "Media", "Amersfoort", "Utrecht", false),
                new WhomToConsult.Offered("hz", "Ad Smart Media", "80179", null, "Vlissingen", "Zeeland", true));

        var suggestions = WhomToConsult.suggest(smartMedia, offered, DIRECTORY, Set.of());

        assertThat(suggestions).extracting(WhomToConsult.Suggestion::organisation).containsExactly("han", "hu", "rocvantwente"); // Zeeland borders neither province
        assertThat(suggestions.get(0).reasons()).singleElement().satisfies(r -> {
            assertThat(r.relation()).isEqualTo(WhomToConsult.Relation.SAME_CODE);
            assertThat(r.neighbouring()).isFalse(); // Arnhem is in Gelderland, where Apeldoorn is a candidate
        });
        assertThat(suggestions.get(1).reasons()).singleElement().satisfies(r -> {
            assertThat(r.relation()).isEqualTo(WhomToConsult.Relation.SAME_DOMAIN);
            assertThat(r.neighbouring()).isTrue(); // Utrecht borders Gelderland
        });
    }

    @Test
    void leavesOutTheAnnouncerItselfAndWhoIsAlreadyConsulted() {
        var offered = List.of(
                new WhomToConsult.Offered("saxion", "Ad Smart Media Production", "80179", null, "Deventer", "Overijssel", true),
                new WhomToConsult.Offered("han", "Ad Online Content Creator", "80179", null, "Arnhem", "Gelderland", true));

        assertThat(WhomToConsult.suggest(smartMedia, offered, DIRECTORY, Set.of("han", "rocvantwente"))).isEmpty();
    }

    @Test
    void unrelatedProgrammesAreNotSuggested() {
        var offered = List.of(new WhomToConsult.Offered("han", "Verpleegkunde", "34560", "Zorg", "Arnhem", "Gelderland", true));

        assertThat(WhomToConsult.suggest(smartMedia, offered, DIRECTORY, Set.of("rocvantwente"))).isEmpty();
    }

    @Test
    void neighboursAreSymmetric() {
        for (String a : Provinces.all()) {
            for (String b : Provinces.neighboursOf(a)) {
                assertThat(Provinces.neighboursOf(b)).as(b + " borders " + a).contains(a);
            }
        }
    }
}
