package nl.programmes.kit.config;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Contributes {@code service-kit.properties} as defaults beneath each service's own
 * {@code application.yml}, so that what every service configures alike (Kafka, security, health,
 * metrics, Flyway) is written once. Service-loaded, so it applies to tests and production alike.
 */
public final class ServiceKitDefaults implements PropertySourceLoader {

    static final String RESOURCE = "service-kit.properties";
    /** Below application.yml (-300) and environment variables (-100): a service can override anything. */
    static final int POSITION = -400;

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!"application".equals(resourceName)) {
            return Optional.empty();
        }
        return resourceLoader.getResourceAsStream(RESOURCE).map(in -> {
            try (in) {
                return PropertySource.of("service-kit-defaults", read(RESOURCE, in), POSITION);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
                                            ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) throws IOException {
        Properties properties = new Properties();
        properties.load(input);
        Map<String, Object> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> values.put(key.toString(), value));
        return values;
    }

    @Override
    public Set<String> getExtensions() {
        return Set.of();
    }
}
