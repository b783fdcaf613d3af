package nl.programmes.overview.read;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Lists the projections store as JSON arrays (candidate and dropped locations, scopes). */
final class StoredLists {

    private final ObjectMapper json;

    StoredLists(ObjectMapper json) {
        this.json = json;
    }

    List<String> of(String value) {
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
