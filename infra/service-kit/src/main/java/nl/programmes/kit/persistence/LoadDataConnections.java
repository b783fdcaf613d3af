package nl.programmes.kit.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the service's database connections so that {@link LoadData} can send rows as {@code LOAD DATA LOCAL INFILE}
 * ({@code platform.persistence.load-data: true}; the overview, whose rebuild writes a row per event).
 * <p>
 * Connector/J asks the server for {@code LOAD DATA LOCAL} only when one of its local-file settings is given at connect time.
 * This gives the narrow one, {@code allowLoadLocalInfileInPath}, pointed at a new empty directory: a server that asked
 * for a file of its own choosing could read nothing. {@link LoadData} allows its own stream for one statement at a time.
 */
@Singleton
@Requires(property = "platform.persistence.load-data", value = "true")
public class LoadDataConnections implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        datasource.addDataSourceProperty("allowLoadLocalInfileInPath", emptyDirectory().toString());
        return datasource;
    }

    private static Path emptyDirectory() {
        try {
            Path directory = Files.createTempDirectory("no-local-files-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
