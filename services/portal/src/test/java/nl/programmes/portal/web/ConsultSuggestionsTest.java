package nl.programmes.portal.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which existing offerings suggest whom to consult: those still taking first-year students. */
class ConsultSuggestionsTest {

    @Test
    void anOfferingWhoseLastIntakeIsPastSuggestsNoOne() {
        assertThat(ConsultSuggestions.takesStudents(Map.of("offeringId", "o-1"), 2026)).isTrue();
        assertThat(ConsultSuggestions.takesStudents(Map.of("offeringId", "o-1", "lastIntakeYear", 2027), 2026)).isTrue();
        assertThat(ConsultSuggestions.takesStudents(Map.of("offeringId", "o-1", "lastIntakeYear", 2026), 2026)).isTrue();
        assertThat(ConsultSuggestions.takesStudents(Map.of("offeringId", "o-1", "lastIntakeYear", 2025), 2026)).isFalse();
    }
}
