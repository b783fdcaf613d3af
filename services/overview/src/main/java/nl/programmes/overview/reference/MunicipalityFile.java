package nl.programmes.overview.reference;

import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.kit.csv.CsvText;
import nl.programmes.kit.places.PlaceNames;
import nl.programmes.kit.problem.InvalidCommandException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a municipality table as CBS publishes it ("Gemeenten alfabetisch": Gemeentecode;GemeentecodeGM;Gemeentenaam;
 * Provinciecode;ProvinciecodePV;Provincienaam), or as an operator keeps one: a row per municipality with its province
 * and, where the file has the column, its labour-market region (CBS's "Arbeidsmarktregio's"). Columns are found by
 * name, in Dutch or English, in any case; the codes are not needed and are passed over.
 */
public final class MunicipalityFile {

    static final int MUNICIPALITY_UP_TO = 100;
    static final int PROVINCE_UP_TO = 40;
    static final int LABOUR_MARKET_REGION_UP_TO = 80;

    private static final Set<String> MUNICIPALITY = Set.of("gemeentenaam", "gemeente", "municipality", "municipalityname");
    private static final Set<String> PROVINCE = Set.of("provincienaam", "provincie", "province", "provincename");
    private static final Set<String> LABOUR_MARKET_REGION = Set.of("arbeidsmarktregio", "arbeidsmarktregios", "arbeidsmarktregionaam",
            "arbeidsmarktregiosnaam", "labourmarketregion", "labormarketregion");

    private MunicipalityFile() {
    }

    /** A municipality as the file places it; a null labour-market region is none (or a file without the column). */
    public record Row(int line, String municipality, String province, String labourMarketRegion) {
    }

    /** A row that does not read, and why: its line (the header is line 1), the column at fault (or "row") and what is wrong. */
    @Serdeable
    public record Rejection(int line, String field, String message) {
    }

    /** The rows that read, those that do not, and whether the file has a labour-market region column at all. */
    public record Parsed(List<Row> rows, List<Rejection> rejections, boolean withLabourMarketRegions) {
    }

    /**
     * @throws InvalidCommandException naming {@code file} when it is empty or its header names no municipality or no
     *                                 province column: then nothing is read
     */
    public static Parsed parse(String text) {
        List<List<String>> lines = CsvText.rows(text);
        if (lines.isEmpty() || lines.get(0).stream().allMatch(String::isBlank)) {
            throw new InvalidCommandException("file", "is empty: expected a header line and rows");
        }
        List<String> header = lines.get(0);
        int municipality = column(header, MUNICIPALITY);
        int province = column(header, PROVINCE);
        int region = column(header, LABOUR_MARKET_REGION);
        String named = String.join(", ", header.stream().map(String::strip).toList());
        if (municipality < 0) {
            throw new InvalidCommandException("file", "the header names no municipality column (Gemeentenaam, gemeente or municipality): " + named);
        }
        if (province < 0) {
            throw new InvalidCommandException("file", "the header names no province column (Provincienaam, provincie or province): " + named);
        }
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            if (cells.size() > header.size()) {
                rejections.add(new Rejection(line, "row", "has " + cells.size() + " cells, the header " + header.size()));
                continue;
            }
            String name = cell(cells, municipality);
            String in = cell(cells, province);
            String labourMarket = region < 0 ? "" : cell(cells, region);
            Rejection wrong = filled(line, "municipality", name, MUNICIPALITY_UP_TO);
            wrong = wrong != null ? wrong : filled(line, "province", in, PROVINCE_UP_TO);
            if (wrong == null && labourMarket.length() > LABOUR_MARKET_REGION_UP_TO) {
                wrong = new Rejection(line, "labourMarketRegion", "is longer than " + LABOUR_MARKET_REGION_UP_TO + " characters");
            }
            if (wrong == null) {
                // The table's key compares as the database does (utf8mb4_general_ci: no case, no accents), so a name
                // twice in other letters would be one row, placed by whichever came last.
                Integer first = seen.putIfAbsent(PlaceNames.key(name), line);
                wrong = first == null ? null : new Rejection(line, "municipality", "is named on line " + first + " too");
            }
            if (wrong != null) {
                rejections.add(wrong);
            } else {
                rows.add(new Row(line, name, in, labourMarket.isEmpty() ? null : labourMarket));
            }
        }
        return new Parsed(rows, rejections, region >= 0);
    }

    /** What is wrong with a cell that must hold a value of at most so many characters; null for nothing. */
    private static Rejection filled(int line, String column, String value, int upTo) {
        if (value.isEmpty()) {
            return new Rejection(line, column, "is empty");
        }
        return value.length() > upTo ? new Rejection(line, column, "is longer than " + upTo + " characters") : null;
    }

    /** The first column whose name, lower case and without spaces and signs, is one of the names. */
    private static int column(List<String> header, Set<String> names) {
        for (int c = 0; c < header.size(); c++) {
            if (names.contains(PlaceNames.key(header.get(c)).replaceAll("[^a-z0-9]", ""))) {
                return c;
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column).strip() : "";
    }
}
