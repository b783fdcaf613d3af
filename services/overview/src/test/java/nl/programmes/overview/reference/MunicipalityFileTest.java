package nl.programmes.overview.reference;

import nl.programmes.kit.problem.InvalidCommandException;
import nl.programmes.overview.read.Views;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a municipality file is read, and what it would do to the table: pure, nothing stored. */
class MunicipalityFileTest {

    /** CBS's "Gemeenten alfabetisch" as Excel with Dutch settings saves it: semicolons, a byte order mark, CRLF. */
    private static final String CBS = "\uFEFFGemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\r\n"
            + "0153;GM0153;Enschede;21;PV21;Overijssel\r\n"
            + "1980;GM1980;Dijk en Waard;27;PV27;Noord-Holland\r\n"
            + "0080;GM0080;Leeuwarden;21;PV21;Fryslân\r\n";

    private static final List<Views.KnownMunicipality> TABLE = List.of(
            new Views.KnownMunicipality("Enschede", "Overijssel", "Twente"),
            new Views.KnownMunicipality("Leeuwarden", "Friesland", "Friesland"),
            new Views.KnownMunicipality("Heerhugowaard", "Noord-Holland", "Noord-Holland Noord"));

    @Test
    void cbsTableReadsByItsColumnNamesAndLeavesTheCodesAside() {
        MunicipalityFile.Parsed parsed = MunicipalityFile.parse(CBS);

        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.withLabourMarketRegions()).isFalse();
        assertThat(parsed.rows()).containsExactly(new MunicipalityFile.Row(2, "Enschede", "Overijssel", null),
                new MunicipalityFile.Row(3, "Dijk en Waard", "Noord-Holland", null), new MunicipalityFile.Row(4, "Leeuwarden", "Fryslân", null));
    }

    @Test
    void aFileAddsAndMovesAndKeepsThePlacesItDoesNotName() {
        MunicipalityImport.Report report = MunicipalityImport.plan(TABLE, MunicipalityFile.parse(CBS), List.of("Dijk en Waard", "dijk en waard", "Enschde"));

        assertThat(report.rows()).isEqualTo(3);
        // A file without regions leaves those the table holds; a new municipality has none until one is given.
        assertThat(report.added()).containsExactly(new Views.KnownMunicipality("Dijk en Waard", "Noord-Holland", null));
        assertThat(report.moved()).containsExactly(new MunicipalityImport.Move("Leeuwarden", "Friesland", "Friesland", "Fryslân", "Friesland"));
        assertThat(report.unchanged()).isEqualTo(1);
        // Merged away, but programmes registered there still need their province.
        assertThat(report.kept()).containsExactly("Heerhugowaard");
        assertThat(report.newProvinces()).containsExactly("Fryslân");
        // A place is placed as the table's key compares it: in other letters too.
        assertThat(report.placed()).containsExactly("Dijk en Waard", "dijk en waard");
        assertThat(report.stillUnknown()).containsExactly("Enschde");
        assertThat(report.imported()).isFalse();
        assertThat(MunicipalityImport.changes(report)).containsExactly(new Views.KnownMunicipality("Dijk en Waard", "Noord-Holland", null),
                new Views.KnownMunicipality("Leeuwarden", "Fryslân", "Friesland"));
    }

    @Test
    void aFileWithRegionsSetsThemAndNamesAMunicipalityAsTheTableDoes() {
        MunicipalityFile.Parsed parsed = MunicipalityFile.parse("""
                municipality,province,labour market region
                ENSCHEDE,Overijssel,Twente
                leeuwarden,Friesland,
                """);

        assertThat(parsed.withLabourMarketRegions()).isTrue();
        MunicipalityImport.Report report = MunicipalityImport.plan(TABLE, parsed, List.of());
        // Other letters name the same row (the key has no case); an empty region cell takes the region away.
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.moved()).containsExactly(new MunicipalityImport.Move("Leeuwarden", "Friesland", "Friesland", "Friesland", null));
        assertThat(report.added()).isEmpty();
    }

    @Test
    void aRowThatDoesNotReadNamesItsLineColumnAndWhatIsWrong() {
        MunicipalityFile.Parsed parsed = MunicipalityFile.parse("""
                Gemeente;Provincie;Arbeidsmarktregio
                Enschede;Overijssel;Twente
                ;Utrecht;
                Zwolle;;
                enschedé;Gelderland;
                Almelo;Overijssel;Twente;extra
                """ + "Ergens;" + "x".repeat(41) + ";\n");

        assertThat(parsed.rows()).extracting(MunicipalityFile.Row::municipality).containsExactly("Enschede");
        assertThat(parsed.rejections()).containsExactly(
                new MunicipalityFile.Rejection(3, "municipality", "is empty"),
                new MunicipalityFile.Rejection(4, "province", "is empty"),
                new MunicipalityFile.Rejection(5, "municipality", "is named on line 2 too"),
                new MunicipalityFile.Rejection(6, "row", "has 4 cells, the header 3"),
                new MunicipalityFile.Rejection(7, "province", "is longer than 40 characters"));
    }

    @Test
    void aFileWithoutItsColumnsOrWithoutAnythingIsRefusedAsAWhole() {
        assertThat(assertThrows(InvalidCommandException.class, () -> MunicipalityFile.parse("Gemeentecode;Provincienaam\n0153;Overijssel\n"))
                .violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("file");
                    assertThat(v.message()).isEqualTo(
                            "the header names no municipality column (Gemeentenaam, gemeente or municipality): Gemeentecode, Provincienaam");
                });
        assertThat(assertThrows(InvalidCommandException.class, () -> MunicipalityFile.parse("gemeente,plaats\nEnschede,Enschede\n"))
                .getMessage()).isEqualTo("file: the header names no province column (Provincienaam, provincie or province): gemeente, plaats");
        assertThat(assertThrows(InvalidCommandException.class, () -> MunicipalityFile.parse("\n")).getMessage())
                .isEqualTo("file: is empty: expected a header line and rows");
    }
}
