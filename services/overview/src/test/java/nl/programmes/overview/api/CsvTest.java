package nl.programmes.overview.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void cellsAreQuotedWithQuotesDoubledAndEmptyCellsLeftEmpty() {
        assertThat(OverviewController.Csv.Dialect.RFC_4180.line("Saxion", "zegt \"ja\"", null, "", "a,b"))
                .isEqualTo("\"Saxion\",\"zegt \"\"ja\"\"\",,,\"a,b\"\r\n");
        assertThat(OverviewController.Csv.Dialect.RFC_4180.start()).isEmpty();
    }

    @Test
    void forExcelCellsAreSeparatedBySemicolonsAfterAByteOrderMark() {
        OverviewController.Csv.Dialect excel = OverviewController.Csv.Dialect.of(" Excel ");
        assertThat(excel.line("Saxion", "2021: <5; 2022: 89", "1,5")).isEqualTo("\"Saxion\";\"2021: <5; 2022: 89\";\"1,5\"\r\n");
        assertThat(excel.start()).isEqualTo("\uFEFF");
        assertThat(OverviewController.Csv.Dialect.of(null)).isEqualTo(OverviewController.Csv.Dialect.RFC_4180);
        org.junit.jupiter.api.Assertions.assertThrows(nl.programmes.kit.problem.InvalidParameterException.class,
                () -> OverviewController.Csv.Dialect.of("numbers"));
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
        assertThat(OverviewController.Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(OverviewController.Csv.cell("+31 53 000")).isEqualTo("\"'+31 53 000\"");
        assertThat(OverviewController.Csv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(OverviewController.Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(OverviewController.Csv.cell("\tTab")).isEqualTo("\"'\tTab\"");
        assertThat(OverviewController.Csv.cell("Hogeschool Utrecht: geen bezwaar")).isEqualTo("\"Hogeschool Utrecht: geen bezwaar\"");
        assertThat(OverviewController.Csv.cell("2024-09-12")).isEqualTo("\"2024-09-12\"");
    }

    @Test
    void intakeIsWrittenByYearOldestFirstWithSuppressedValuesAsPublished() {
        Map<String, String> intake = new LinkedHashMap<>();
        intake.put("2023", "120");
        intake.put("2021", "<5");
        intake.put("2022", "89");
        assertThat(OverviewController.Csv.intake(intake)).isEqualTo("2021: <5; 2022: 89; 2023: 120");
        assertThat(OverviewController.Csv.intake(Map.of())).isEmpty();
    }
}
