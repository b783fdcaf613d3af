package nl.programmes.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden fixtures: one JSON body per event type version, at {@code fixtures/<ce_type>.json}. */
final class GoldenFixtures {

    private GoldenFixtures() {
    }

    static byte[] of(EventType<?> type) {
        return resource("fixtures/" + type.ceType() + ".json");
    }

    static byte[] resource(String name) {
        try (InputStream in = GoldenFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ce_type of every fixture file present. */
    static List<String> presentTypes() {
        try (Stream<Path> files = Files.list(Path.of(GoldenFixtures.class.getClassLoader().getResource("fixtures").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
