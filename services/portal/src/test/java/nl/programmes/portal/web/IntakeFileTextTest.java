package nl.programmes.portal.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** An uploaded intake table reads with its accents whether it was saved as UTF-8 or by Excel on Windows. */
class IntakeFileTextTest {

    private static final String ROW = "instelling;opleiding;vorm\r\nsaxion;Ad Média & Communicatie – Zwolle;voltijd\r\n";

    @Test
    void utf8AndExcelsCodePageReadTheSame() {
        assertThat(IntakePages.text(ROW.getBytes(StandardCharsets.UTF_8))).isEqualTo(ROW);
        assertThat(IntakePages.text(ROW.getBytes(Charset.forName("windows-1252")))).isEqualTo(ROW);
        assertThat(IntakePages.text(("\uFEFF" + ROW).getBytes(StandardCharsets.UTF_8))).isEqualTo("\uFEFF" + ROW);
    }
}
