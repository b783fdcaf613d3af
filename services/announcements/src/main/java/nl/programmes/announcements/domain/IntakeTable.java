package nl.programmes.announcements.domain;

import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.kit.csv.CsvText;
import nl.programmes.kit.problem.InvalidCommandException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an intake table in the shape of the sector's published tables (see demo-case.md): one row per
 * institution, programme and form, with a column per study year.
 *
 * <pre>
 * institution,programme,form,location,code,level,2018,2019,2020,2021,2022,2023
 * nhlstenden,Ad Creative Media Professional (80151),voltijd,Leeuwarden,,,8,34,30,33,22,31
 * zuyd,Ad ICT,deeltijd,Heerlen,,,,,,&lt;5,16,16
 * </pre>
 *
 * Required columns: institution, programme, form (or in Dutch: instelling, opleiding, vorm; and locatie or vestiging,
 * niveau), separated by commas or semicolons. Optional: location, code (else taken from a
 * "(80151)" in the programme name), level (else read from the name: "Ad " is an Associate degree).
 * Year cells hold a count, "&lt;5" (suppressed), or nothing; "no intake yet" counts as nothing.
 */
public final class IntakeTable {

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern CODE_IN_NAME = Pattern.compile("\\s*\\(([0-9]{5})\\)\\s*$");

    private IntakeTable() {
    }

    /** A row that reads well: the offering it describes and its figures per study year. */
    public record Row(int line, Offering offering, Map<Integer, IntakeFigure> intake) {
    }

    /** A row that does not, and why: the column at fault (or "row") and what is wrong with it. */
    public record Rejection(int line, String field, String message) {
        public static Rejection of(int line, InvalidCommandException e) {
            var first = e.violations().get(0);
            return new Rejection(line, first.field(), first.message());
        }
    }

    public record Parsed(List<Row> rows, List<Rejection> rejections) {
    }

    /**
     * @throws InvalidCommandException when the header lacks a required column: then nothing is read
     */
    public static Parsed parse(String csv) {
        List<List<String>> lines = CsvText.rows(csv);
        if (lines.isEmpty()) {
            throw new InvalidCommandException("file", "is empty: expected a header line and rows");
        }
        List<String> header = lines.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).map(h -> DUTCH.getOrDefault(h, h)).toList();
        for (String required : List.of("institution", "programme", "form")) {
            if (!header.contains(required)) {
                throw new InvalidCommandException("file", "the header has no '" + required + "' column (header: "
                        + String.join(",", header) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            try {
                rows.add(row(line, header, cells));
            } catch (InvalidCommandException e) {
                rejections.add(Rejection.of(line, e));
            }
        }
        return new Parsed(rows, rejections);
    }

    /**
     * The header's own words in Dutch, as staff name the columns of a table they keep themselves: each stands for the
     * column named in English.
     */
    private static final Map<String, String> DUTCH = Map.of("instelling", "institution", "opleiding", "programme",
            "vorm", "form", "locatie", "location", "vestiging", "location", "niveau", "level");

    private static Row row(int line, List<String> header, List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            values.put(header.get(c), c < cells.size() ? cells.get(c).strip() : "");
        }
        if (cells.size() > header.size()) {
            throw new InvalidCommandException("row", "has " + cells.size() + " cells, the header " + header.size());
        }
        String institution = required(values, "institution");
        String programme = required(values, "programme");
        String code = values.getOrDefault("code", "");
        Matcher inName = CODE_IN_NAME.matcher(programme);
        if (inName.find()) {
            code = code.isEmpty() ? inName.group(1) : code;
            programme = programme.substring(0, inName.start()).strip();
        }
        if (!code.isEmpty() && !code.matches("[0-9]{5}")) {
            throw new InvalidCommandException("code", "'" + code + "' is not a 5-digit CROHO/ISAT or crebo code");
        }
        ProgrammeForm form = form(required(values, "form"));
        ProgrammeLevel level = level(values.getOrDefault("level", ""), programme);
        boolean mbo = level.isMbo();
        if (form.isMbo() != mbo) {
            throw new InvalidCommandException("form", form + " does not go with " + level);
        }
        String location = values.getOrDefault("location", "");
        Offering offering = new Offering(UUID.randomUUID(), institution, programme,
                mbo || code.isEmpty() ? null : code, mbo && !code.isEmpty() ? code : null, level, form,
                location.isEmpty() ? null : location);
        Map<Integer, IntakeFigure> intake = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (YEAR.matcher(column).matches() && !value.isBlank() && !value.equalsIgnoreCase("no intake yet")) {
                intake.put(Integer.parseInt(column), IntakeFigure.parse(column, value));
            }
        });
        return new Row(line, offering, intake);
    }

    private static String required(Map<String, String> values, String column) {
        String value = values.getOrDefault(column, "");
        if (value.isBlank()) {
            throw new InvalidCommandException(column, "is empty");
        }
        return value;
    }

    private static ProgrammeForm form(String text) {
        try {
            return ProgrammeForm.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("form", "'" + text + "' is not a form: voltijd, deeltijd, duaal, bol or bbl");
        }
    }

    private static ProgrammeLevel level(String text, String programme) {
        if (!text.isBlank()) {
            try {
                return ProgrammeLevel.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidCommandException("level", "'" + text + "' is not a level");
            }
        }
        String name = programme.toLowerCase(Locale.ROOT);
        if (name.startsWith("ad ") || name.startsWith("associate degree")) {
            return ProgrammeLevel.ASSOCIATE_DEGREE;
        }
        if (name.startsWith("b ") || name.startsWith("bachelor")) {
            return ProgrammeLevel.BACHELOR;
        }
        if (name.startsWith("m ") || name.startsWith("master")) {
            return ProgrammeLevel.MASTER;
        }
        throw new InvalidCommandException("level", "is empty and cannot be read from the programme name");
    }
}
