package nl.programmes.portal.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An uploaded intake table reads with its accents whether it was saved as UTF-8 or by Excel on Windows; its preview lists
 * the rows it warns of by value.
 */
class IntakeFileTextTest {

    private static final String ROW = "instelling;opleiding;vorm\r\nsaxion;Ad Média & Communicatie – Zwolle;voltijd\r\n";

    @Test
    void utf8AndExcelsCodePageReadTheSame() {
        assertThat(FileImport.text(ROW.getBytes(StandardCharsets.UTF_8))).isEqualTo(ROW);
        assertThat(FileImport.text(ROW.getBytes(Charset.forName("windows-1252")))).isEqualTo(ROW);
        assertThat(FileImport.text(("\uFEFF" + ROW).getBytes(StandardCharsets.UTF_8))).isEqualTo("\uFEFF" + ROW);
    }

    @Test
    void theRowsAPreviewWarnsOfAreListedByValueWithTheirLines() {
        List<Map<String, Object>> accepted = List.of(Map.of("line", 2, "location", "Enschde"), Map.of("line", 3, "location", "Enschede"),
                Map.of("line", 5, "location", "Enschde"), Map.of("line", 6));
        assertThat(IntakePages.linesOf(accepted, "location", place -> !place.equals("Enschede")))
                .isEqualTo(Map.of("Enschde", List.of(2, 5)));
    }
}
