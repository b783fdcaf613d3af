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

    private final WhomToConsult.Intended smartMedia = new WhomToConsult.Intended("saxion", "Smart Media Production", "80179", "Media",
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
    void aProgrammeWithADistinctiveWordOfTheNameInCommonIsSuggestedWhenNeitherCodeNorDomainTies() {
        // The register of existing offerings has no domain and, for these, no code: as the demo's intake table has them.
        var noDomain = new WhomToConsult.Intended("saxion", "Smart Media Production", "80179", null, Set.of("Overijssel", "Gelderland"));
        var offered = List.of(
                new WhomToConsult.Offered("hu", "Ad Digitale Techniek & Media", null, null, "Amersfoort", "Utrecht", true),
                new WhomToConsult.Offered("hz", "Ad Smart Media Production", null, null, "Vlissingen", "Zeeland", true),
                new WhomToConsult.Offered("han", "Ad Production Management", null, null, "Arnhem", "Gelderland", true),
                new WhomToConsult.Offered("han", "Associate degree Verpleegkunde", null, null, "Nijmegen", "Gelderland", true));

        var suggestions = WhomToConsult.suggest(noDomain, offered, DIRECTORY, Set.of("rocvantwente"));

        // HAN in a candidate's own province weighs double; Zeeland borders neither province.
        assertThat(suggestions).extracting(WhomToConsult.Suggestion::organisation).containsExactly("han", "hu");
        assertThat(suggestions.get(0).reasons()).singleElement().satisfies(r -> {
            assertThat(r.relation()).isEqualTo(WhomToConsult.Relation.SIMILAR_NAME);
            assertThat(r.word()).isEqualTo("Production");
            assertThat(r.programme()).isEqualTo("Ad Production Management");
        });
        assertThat(suggestions.get(1).reasons()).singleElement().satisfies(r -> assertThat(r.word()).isEqualTo("Media"));
    }

    @Test
    void genericAndShortWordsTieNothing() {
        assertThat(WhomToConsult.sharedWord("Associate degree Zorg en ICT", "Associate degree Verpleegkunde")).isNull();
        assertThat(WhomToConsult.sharedWord("Ad ICT", "Ad ICT Internet of Things")).isNull(); // three letters
        assertThat(WhomToConsult.sharedWord("Smart Media Production", "Ad Design/Digital Media")).isEqualTo("Media");
        assertThat(WhomToConsult.sharedWord("Smart Media Production", "AD SMART MEDIA")).isEqualTo("Smart");
        assertThat(WhomToConsult.sharedWord(null, "Ad Smart Media")).isNull();
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
