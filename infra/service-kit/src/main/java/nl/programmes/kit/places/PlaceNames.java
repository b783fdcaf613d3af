package nl.programmes.kit.places;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A place's name as the overview's municipality table compares it (its key is {@code utf8mb4_general_ci}): without case
 * or accents, so "enschede" is Enschede and "Sudwest-Fryslan" is Súdwest-Fryslân. Every service that asks whether the
 * table holds a place, or places a programme by it, compares by this key, as the table itself does.
 */
public final class PlaceNames {

    /** The names seen, each with its key: there are some hundreds of places, and a snapshot asks for each of 200,000 programmes. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int KEPT_UP_TO = 100_000;

    private PlaceNames() {
    }

    public static String key(String name) {
        String key = KEYS.get(name);
        if (key == null) {
            key = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
            if (KEYS.size() < KEPT_UP_TO) {
                KEYS.put(name, key);
            }
        }
        return key;
    }
}
