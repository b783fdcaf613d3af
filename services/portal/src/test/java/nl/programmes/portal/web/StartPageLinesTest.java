package nl.programmes.portal.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start page's recent lines: what is new since the previous sign-in first, whatever its date, each line once. */
class StartPageLinesTest {

    private static Map<String, Object> line(String id) {
        return Map.of("eventId", id);
    }

    private static List<Object> ids(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> l.get("eventId")).toList();
    }

    @Test
    void newLinesComeFirstNewestRecordedFirstThenTheLatestByDateWithoutRepeats() {
        // New since the sign-in, in the order projected: a decision for an old meeting (d), then a position (p).
        List<Map<String, Object>> fresh = List.of(line("d"), line("p"));
        // The timeline's latest by date: the position is among them, the old meeting's decision is not.
        List<Map<String, Object>> latest = List.of(line("a1"), line("p"), line("a2"), line("a3"));

        assertThat(ids(OverviewPages.newestFirst(fresh, latest, 4))).containsExactly("p", "d", "a1", "a2");
        assertThat(ids(OverviewPages.newestFirst(List.of(), latest, 3))).containsExactly("a1", "p", "a2");
        assertThat(ids(OverviewPages.newestFirst(List.of(line("x"), line("y"), line("z")), latest, 2))).containsExactly("z", "y");
    }
}
