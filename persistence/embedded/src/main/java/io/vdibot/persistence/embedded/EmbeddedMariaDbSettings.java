package io.vdibot.persistence.embedded;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the embedded MariaDB runs.
 *
 * @param dataDir     the server's data directory; kept across restarts, never wiped
 * @param port        TCP port on 127.0.0.1, or 0 to pick a free one at start
 * @param database    the schema created (if missing) for the application
 * @param user        the account the application connects with; created (if missing) at start
 * @param password    that account's password, applied at every start; {@code null} means a fresh random
 *                    password per start, readable only through {@link EmbeddedMariaDb#password()}
 * @param binariesDir where the MariaDB binaries are unpacked; shared by every server of this version
 */
public record EmbeddedMariaDbSettings(
        Path dataDir, int port, String database, String user, String password, Path binariesDir) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data", "mariadb");
    public static final String DEFAULT_DATABASE = "vdibot";
    public static final String DEFAULT_USER = "vdibot";

    // Names end up inside SQL statements run by the server's own client, so they stay plain.
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public EmbeddedMariaDbSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(binariesDir, "binariesDir");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        requireSimpleName("database", database);
        requireSimpleName("user", user);
    }

    /** Where the binaries go unless a caller says: the system property the bot's own setting is named after. */
    public static final String BINARIES_PROPERTY = "vdibot.embedded-database.binaries-dir";

    /**
     * Data in {@code ./data/mariadb}, binaries under {@code ./data/mariadb-binaries} (or the directory the system
     * property {@value #BINARIES_PROPERTY} names, so that a build shares one copy), a free port, database and user
     * {@code vdibot}, a random password.
     */
    public static EmbeddedMariaDbSettings defaults() {
        String shared = System.getProperty(BINARIES_PROPERTY);
        Path base = shared == null || shared.isBlank() ? Path.of("data", "mariadb-binaries") : Path.of(shared);
        return new EmbeddedMariaDbSettings(DEFAULT_DATA_DIR, 0, DEFAULT_DATABASE, DEFAULT_USER, null,
                MariaDbBinaries.directoryUnder(base));
    }

    /** The binaries of this MariaDB version unpacked under {@code base}, which several servers may share. */
    public EmbeddedMariaDbSettings withBinariesUnder(Path base) {
        return withBinariesDir(MariaDbBinaries.directoryUnder(base));
    }

    public EmbeddedMariaDbSettings withDataDir(Path newDataDir) {
        return new EmbeddedMariaDbSettings(newDataDir, port, database, user, password, binariesDir);
    }

    public EmbeddedMariaDbSettings withPort(int newPort) {
        return new EmbeddedMariaDbSettings(dataDir, newPort, database, user, password, binariesDir);
    }

    public EmbeddedMariaDbSettings withDatabase(String newDatabase) {
        return new EmbeddedMariaDbSettings(dataDir, port, newDatabase, user, password, binariesDir);
    }

    public EmbeddedMariaDbSettings withCredentials(String newUser, String newPassword) {
        return new EmbeddedMariaDbSettings(dataDir, port, database, newUser, newPassword, binariesDir);
    }

    public EmbeddedMariaDbSettings withBinariesDir(Path newBinariesDir) {
        return new EmbeddedMariaDbSettings(dataDir, port, database, user, password, newBinariesDir);
    }

    @Override
    public String toString() {
        return "EmbeddedMariaDbSettings[dataDir=" + dataDir + ", port=" + port + ", database=" + database
                + ", user=" + user + ", password=" + (password == null ? "<random>" : "<set>")
                + ", binariesDir=" + binariesDir + "]";
    }

    static void requireSimpleName(String what, String value) {
        if (value == null || !SIMPLE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits or underscores: " + value);
        }
    }
}
