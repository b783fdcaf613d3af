package nl.programmes.announcements.domain;

import nl.programmes.kit.csv.CsvText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How an intake table is read: the same rows however the sheet it came from wrote it. */
class IntakeTableTest {

    private static final String WITH_COMMAS = """
            institution,programme,form,location,2022,2023
            hva,Ad Smart Media Production,voltijd,Amsterdam,18,72
            zuyd,"Ad ICT, deeltijd",deeltijd,Heerlen,<5,16
            """;

    /** What Excel with Dutch settings saves: semicolons, a byte order mark, CRLF, and the columns named in Dutch. */
    private static final String FROM_DUTCH_EXCEL = "\uFEFFInstelling;Opleiding;Vorm;Vestiging;2022;2023\r\n"
            + "hva;Ad Smart Media Production;voltijd;Amsterdam;18;72\r\n"
            + "zuyd;\"Ad ICT, deeltijd\";deeltijd;Heerlen;<5;16\r\n";

    @Test
    void aTableSavedWithSemicolonsAndDutchColumnsReadsAsOneWithCommas() {
        IntakeTable.Parsed commas = IntakeTable.parse(WITH_COMMAS);
        IntakeTable.Parsed dutch = IntakeTable.parse(FROM_DUTCH_EXCEL);

        assertThat(dutch.rejections()).isEmpty();
        assertThat(described(dutch)).isEqualTo(described(commas)).containsExactly(
                "2 hva Ad Smart Media Production VOLTIJD ASSOCIATE_DEGREE Amsterdam {2022=18, 2023=72}",
                "3 zuyd Ad ICT, deeltijd DEELTIJD ASSOCIATE_DEGREE Heerlen {2022=<5, 2023=16}");
    }

    @Test
    void aCommaInsideASemicolonTableIsPartOfItsCell() {
        assertThat(CsvText.separator("instelling;opleiding;vorm\nhva;Ad Smart Media, Production;voltijd")).isEqualTo(';');
        assertThat(CsvText.separator("institution,programme,form;x\nhva,a;b,voltijd")).isEqualTo(',');
    }

    @Test
    void aRejectedRowNamesItsColumnAndWhatIsWrong() {
        IntakeTable.Parsed parsed = IntakeTable.parse("""
                institution;programme;form;2023
                zuyd;Ad ICT;fulltime;16
                hku;Ad Design;voltijd;many
                ;Ad Leeg;voltijd;
                """);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.rejections()).containsExactly(
                new IntakeTable.Rejection(2, "form", "'fulltime' is not a form: voltijd, deeltijd, duaal, bol or bbl"),
                new IntakeTable.Rejection(3, "2023", "'many' is not an intake: use a whole number or <5"),
                new IntakeTable.Rejection(4, "institution", "is empty"));
    }

    private static List<String> described(IntakeTable.Parsed parsed) {
        return parsed.rows().stream().map(row -> {
            Offering o = row.offering();
            Map<Integer, IntakeFigure> intake = new java.util.TreeMap<>(row.intake());
            return row.line() + " " + o.institutionId() + " " + o.programmeName() + " " + o.form() + " " + o.level() + " "
                    + o.location() + " " + intake;
        }).toList();
    }
}
