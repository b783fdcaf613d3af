package nl.programmes.kit.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables people keep in spreadsheets and upload as "CSV" (an intake table, the CBS municipality table):
 * just enough RFC 4180, with commas or semicolons, quoted cells with doubled quotes, CRLF or LF, and a byte order mark
 * left out.
 */
public final class CsvText {

    private CsvText() {
    }

    /** The rows of the text, each its cells, separated as its header line is. */
    public static List<List<String>> rows(String text) {
        return rows(text, separator(text));
    }

    /**
     * Commas, or semicolons where the header has more of those: Excel with Dutch settings saves a "CSV" with semicolons
     * (a comma is the decimal sign there), and staff export their tables from it.
     */
    public static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static List<List<String>> rows(String text, char separator) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            lines.add(cells);
        }
        return lines;
    }
}
