package nl.programmes.portal.identity.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.kit.persistence.JsonColumns;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.problem.StaleVersionException;
import nl.programmes.kit.security.AccountAccess;
import nl.programmes.portal.identity.domain.Organisation;
import nl.programmes.portal.identity.domain.UserAccount;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Organisations, users and signing keys. */
@Singleton
public class IdentityRepository {

    private final Sql sql;
    private final JsonColumns json;

    public IdentityRepository(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = new JsonColumns(json);
    }

    @Transactional
    public void insert(Organisation o, Instant now) {
        sql.update("""
                INSERT INTO organisation (id, name, kind, brin, kvk, locations, region, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(o.id(), o.name(), o.kind().name(), o.brin(), o.kvk(),
                json.write(o.locations()), o.region(), o.version(), Timestamp.from(now), Timestamp.from(now)));
    }

    @Transactional
    public void update(Organisation o, int expectedVersion, Instant now) {
        int updated = sql.update("""
                UPDATE organisation SET name = ?, kind = ?, brin = ?, kvk = ?, locations = ?, region = ?, version = ?,
                    updated_at = ? WHERE id = ? AND version = ?""", Sql.params(o.name(), o.kind().name(), o.brin(),
                o.kvk(), json.write(o.locations()), o.region(), o.version(), Timestamp.from(now), o.id(), expectedVersion));
        if (updated != 1) {
            throw new StaleVersionException("Organisation " + o.id() + " is no longer at version " + expectedVersion);
        }
    }

    @Transactional
    public Optional<Organisation> organisation(String id) {
        return sql.one("SELECT * FROM organisation WHERE id = ?", Sql.params(id), this::organisation);
    }

    @Transactional
    public List<Organisation> organisations() {
        return sql.query("SELECT * FROM organisation ORDER BY name", Sql.params(), this::organisation);
    }

    @Transactional
    public void insert(UserAccount u, Instant now) {
        sql.update("""
                INSERT INTO app_user (id, display_name, organisation_id, roles, password_hash, enabled, access_stamp,
                    first_password, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(u.id(), u.displayName(), u.organisationId(),
                String.join(",", u.roles()), u.passwordHash(), u.enabled(), u.accessStamp(), u.firstPassword(),
                Timestamp.from(now)));
    }

    @Transactional
    public Optional<UserAccount> user(String id) {
        return sql.one("SELECT * FROM app_user WHERE id = ?", Sql.params(id), this::user);
    }

    private UserAccount user(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("id"), rs.getString("display_name"), rs.getString("organisation_id"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("roles").split(","))), rs.getString("password_hash"),
                rs.getBoolean("enabled"), rs.getInt("access_stamp"), rs.getBoolean("first_password"),
                instant(rs.getTimestamp("last_signed_in_at")), instant(rs.getTimestamp("previous_signed_in_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Transactional
    public List<UserAccount> users(String organisationId) {
        return sql.query("SELECT * FROM app_user WHERE organisation_id = ? ORDER BY display_name, id", Sql.params(organisationId),
                this::user);
    }

    /**
     * Name, roles, password hash, whether the account may sign in, the access stamp and whether the password is a first
     * one: what a change writes, if the stamp is still the one the change was read with.
     */
    @Transactional
    public void update(UserAccount u, int readWithStamp) {
        int updated = sql.update("""
                UPDATE app_user SET display_name = ?, roles = ?, password_hash = ?, enabled = ?, access_stamp = ?,
                    first_password = ?
                WHERE id = ? AND access_stamp = ?""", Sql.params(u.displayName(), String.join(",", u.roles()),
                u.passwordHash(), u.enabled(), u.accessStamp(), u.firstPassword(), u.id(), readWithStamp));
        if (updated != 1) {
            throw new StaleVersionException("User " + u.id() + " was changed at the same moment; read it again");
        }
    }

    /** Notes a successful sign-in, keeping the one before; not a change of the account (its stamp stays). */
    @Transactional
    public void signedIn(String id, Instant at) {
        // Assignments run left to right: the previous takes the last before the last takes the new one.
        sql.update("UPDATE app_user SET previous_signed_in_at = last_signed_in_at, last_signed_in_at = ? WHERE id = ?",
                Sql.params(Timestamp.from(at), id));
    }

    /** Every account's access as it stands: what the portal checks tokens against, read again every few seconds. */
    @Transactional
    public List<AccountAccess.Access> accesses() {
        return sql.query("SELECT id, enabled, access_stamp FROM app_user", Sql.params(),
                rs -> new AccountAccess.Access(rs.getString("id"), rs.getBoolean("enabled"), rs.getInt("access_stamp")));
    }

    /** A stored signing key. */
    public record StoredKey(String kid, String jwk, Instant createdAt, Instant retiredAt) {
    }

    @Transactional
    public List<StoredKey> signingKeys() {
        return sql.query("SELECT * FROM signing_key ORDER BY created_at DESC", Sql.params(), rs -> new StoredKey(
                rs.getString("kid"), rs.getString("jwk"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()));
    }

    @Transactional
    public void addSigningKey(String kid, String jwk, Instant now) {
        sql.update("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL", Sql.params(Timestamp.from(now)));
        sql.update("INSERT INTO signing_key (kid, jwk, created_at) VALUES (?, ?, ?)",
                Sql.params(kid, jwk, Timestamp.from(now)));
    }

    private Organisation organisation(ResultSet rs) throws SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("brin"), rs.getString("kvk"), json.read(rs.getString("locations"), Argument.listOf(String.class)), rs.getString("region"),
                rs.getInt("version"));
    }

}
