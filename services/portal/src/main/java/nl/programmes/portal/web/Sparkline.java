package nl.programmes.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An intake trend as a small inline SVG polyline. Suppressed figures ("<5") have no number, so the line
 * breaks there instead of drawing a made-up value; the table beside it shows "<5" as it was reported.
 */
public final class Sparkline {

    public static final int WIDTH = 80;
    public static final int HEIGHT = 20;

    private Sparkline() {
    }

    /** One polyline per run of reported numbers, as SVG "x,y x,y" strings. */
    public static List<String> segments(Map<String, String> intake) {
        TreeMap<String, String> byYear = new TreeMap<>(intake == null ? Map.of() : intake);
        int max = byYear.values().stream().filter(Sparkline::number).mapToInt(Integer::parseInt).max().orElse(0);
        List<String> segments = new ArrayList<>();
        if (byYear.size() < 2 || max == 0) {
            return segments;
        }
        StringBuilder current = new StringBuilder();
        int i = 0;
        for (String value : byYear.values()) {
            if (number(value)) {
                int x = Math.round(i * (WIDTH - 2f) / (byYear.size() - 1)) + 1;
                int y = HEIGHT - 1 - Math.round(Integer.parseInt(value) * (HEIGHT - 2f) / max);
                current.append(current.isEmpty() ? "" : " ").append(x).append(',').append(y);
            } else if (!current.isEmpty()) {
                segments.add(current.toString());
                current.setLength(0);
            }
            i++;
        }
        if (!current.isEmpty()) {
            segments.add(current.toString());
        }
        return segments;
    }

    /** The same figures as text, for screen readers and for readers who prefer numbers. */
    public static String describe(Map<String, String> intake) {
        return String.join(", ", new TreeMap<>(intake == null ? Map.of() : intake).entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    private static boolean number(String value) {
        return value != null && value.matches("[0-9]+");
    }
}
