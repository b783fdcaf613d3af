package nl.programmes.overview.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One copy of each value that recurs across a country's programmes: institutions, places, levels, forms, statuses,
 * years and intake counts, and the lists of places and forms as stored. The regional snapshot holds every offering
 * and intended programme in memory; at 100,000 of each, the copies the database driver makes of these few values
 * were about two million strings, and the collections they caused made regional pages wait. Not for values that are
 * mostly unique (ids, references, programme names): keeping those here would only add an entry per value.
 * <p>
 * Not thread-safe: the snapshot uses it only while it holds its update lock.
 */
final class RecurringValues {

    // Far above the values a country has (places, codes, institutions); should data ever hold more, start over:
    // that costs only sharing, never a wrong value.
    private static final int LIMIT = 50_000;

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    /** The copy kept of this value; null stays null. */
    String of(String value) {
        if (value == null) {
            return null;
        }
        if (values.size() >= LIMIT) {
            values.clear();
        }
        String kept = values.putIfAbsent(value, value);
        return kept != null ? kept : value;
    }

    /** The list kept for this stored text (a JSON array, a comma-separated list), parsed once; its items are kept too. */
    List<String> list(String stored, Function<String, List<String>> parse) {
        if (stored == null) {
            return List.of();
        }
        if (lists.size() >= LIMIT) {
            lists.clear();
        }
        List<String> kept = lists.get(stored);
        if (kept == null) {
            kept = parse.apply(stored).stream().map(this::of).toList();
            lists.put(stored, kept);
        }
        return kept;
    }
}
