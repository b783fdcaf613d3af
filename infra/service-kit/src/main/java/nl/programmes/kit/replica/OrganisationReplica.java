package nl.programmes.kit.replica;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.events.organisation.OrganisationUpdated;
import nl.programmes.kit.persistence.Sql;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation directory as a consuming service knows it, from the {@code organisations} topic.
 * A service that uses it adds {@code classpath:db/organisations} to its Flyway locations.
 */
@Singleton
public class OrganisationReplica {

    private final Sql sql;

    public OrganisationReplica(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    /** Applies a directory event; other events are ignored. Runs in the caller's transaction. */
    public void on(DomainEvent event) {
        if (event instanceof OrganisationRegistered registered) {
            upsert(registered.organisationId(), registered.name(), registered.kind().name(), 1);
        } else if (event instanceof OrganisationUpdated updated) {
            upsert(updated.organisationId(), updated.name(), updated.kind().name(), updated.version());
        }
    }

    /** The organisation's kind, if the directory has it. */
    @Transactional
    public Optional<String> kind(String id) {
        return sql.one("SELECT kind FROM organisation_replica WHERE id = ?", Sql.params(id), rs -> rs.getString(1));
    }

    /** Every known organisation's name by id. */
    @Transactional
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        sql.query("SELECT id, name FROM organisation_replica", Sql.params(), rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    private void upsert(String id, String name, String kind, int version) {
        sql.update("""
                INSERT INTO organisation_replica (id, name, kind, version) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = IF(VALUES(version) >= version, VALUES(name), name),
                    kind = IF(VALUES(version) >= version, VALUES(kind), kind), version = GREATEST(version, VALUES(version))""",
                Sql.params(id, name, kind, version));
    }
}
