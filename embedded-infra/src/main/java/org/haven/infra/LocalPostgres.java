package org.haven.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central. Runs as root too: zonky switches
 * initdb and postgres to an unprivileged user by itself. The data directory survives restarts.
 * For crash tests the server can be stopped the hard way ({@link #stopImmediately()}) and started again
 * ({@link #launch()}) on the same data directory and port.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static LocalPostgres start(Path dataDirectory, int port) {
        LocalPostgres local = new LocalPostgres(dataDirectory, port);
        local.launch();
        return local;
    }

    /** Starts the server (again, after {@link #stopImmediately()}) and waits until it accepts connections. */
    public synchronized void launch() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        postgres = startServer(dataDirectory, port);
    }

    private static EmbeddedPostgres startServer(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            // Binaries extract under java.io.tmpdir unless told otherwise; keep them next to the data.
            Path binaries = dataDirectory.resolveSibling("pg-binaries");
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    // zonky's defaults suit throwaway test databases (synchronous_commit off loses the last
                    // commits on a crash); Haven's promise that an accepted command is never lost needs it on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Statement counts and times per query (bench/db-statements.sh); the extension is created
                    // by that script in the database it looks at, so nothing else depends on it.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /**
     * Like a crash of the database server: {@code pg_ctl stop -m immediate} on the data directory. Every server
     * process quits at once, without a checkpoint; the next {@link #launch()} recovers from the WAL. pg_ctl runs
     * the way zonky runs its own commands: through {@code unshare -U} when the JVM runs as root (PostgreSQL refuses
     * to run as root; in the new user namespace it is nobody, and still owns the data directory).
     */
    public synchronized void stopImmediately() {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl().toString(), "-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "30", "stop"));
        try {
            Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!pgCtl.waitFor(60, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL", e);
        }
        // Releases zonky's lock on the data directory so that launch() can take it again. Its own (fast) stop finds
        // no server any more; zonky logs that and carries on.
        postgres = null;
        try {
            running.close();
        } catch (IOException | RuntimeException expected) {
            // the server is already gone
        }
    }

    /**
     * pg_ctl beside the running server's postgres binary (the data directory's postmaster.pid names the server),
     * else the one zonky extracted next to the data directory.
     */
    private Path pgCtl() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
            var server = ProcessHandle.of(postmaster).flatMap(handle -> handle.info().command()).map(Path::of);
            if (server.isPresent() && Files.isExecutable(server.get().resolveSibling("pg_ctl"))) {
                return server.get().resolveSibling("pg_ctl");
            }
            try (var binaries = Files.list(dataDirectory.resolveSibling("pg-binaries"))) {
                List<Path> found = binaries.map(dir -> dir.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).toList();
                if (found.size() != 1) {
                    throw new IllegalStateException("Cannot tell which pg_ctl runs " + dataDirectory + ": " + found);
                }
                return found.getFirst();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find pg_ctl for " + dataDirectory, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates the database if it does not exist yet; each service owns one. */
    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), username(), password(), database);
    }

    static void ensureDatabase(String adminJdbcUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public synchronized void close() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
