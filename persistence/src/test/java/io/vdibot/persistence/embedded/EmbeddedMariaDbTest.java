package io.vdibot.persistence.embedded;

import io.vdibot.persistence.TestDatabase;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbTest {

    @Test
    void keepsItsDataAcrossARestartOnTheSameDirectory() throws Exception {
        // Longer than a Unix socket path may be, so the server must put its socket elsewhere.
        Path dataDir = TestDatabase.ROOT.resolve("restart-" + "d".repeat(60)).resolve(TestDatabase.unique("data"));
        assertThat(dataDir.resolve("mariadb.sock").toString().length()).isGreaterThan(100);
        EmbeddedMariaDbSettings settings = EmbeddedMariaDbSettings.defaults().withDataDir(dataDir);
        try {
            try (EmbeddedMariaDb first = EmbeddedMariaDb.start(settings)) {
                try (Connection c = connect(first); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE survivor (id INT PRIMARY KEY, name VARCHAR(20)) ENGINE=InnoDB");
                    s.execute("INSERT INTO survivor VALUES (1, 'kept')");
                }
                assertThat(first.isRunning()).isTrue();
            }

            // A stale pid file naming a live process that is no MariaDB must not stop the restart.
            Files.writeString(dataDir.resolve(LeftoverServer.PID_FILE), ProcessHandle.current().pid() + "\n");

            try (EmbeddedMariaDb second = EmbeddedMariaDb.start(settings);
                 Connection c = connect(second);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        } finally {
            TestDatabase.deleteRecursively(dataDir.getParent());
        }
    }

    @Test
    void aConfiguredAccountWorksAndCloseStopsTheServerOnce() throws Exception {
        Path dataDir = TestDatabase.ROOT.resolve(TestDatabase.unique("stop"));
        try {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(dataDir)
                            .withCredentials("app_user", "it's a \"secret\" \\ 密码"))
                    .registerShutdownHook();
            try (Connection c = connect(db)) {
                assertThat(c.isValid(2)).isTrue();
            }
            String url = db.jdbcUrl();
            db.close();
            db.close();

            assertThat(db.isRunning()).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?connectTimeout=2000", db.user(), db.password()))
                    .isInstanceOf(SQLException.class);
            // the lock on the data directory went with it
            EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(dataDir)).close();
        } finally {
            TestDatabase.deleteRecursively(dataDir);
        }
    }

    @Test
    void listensOnLoopbackWithRealAccountsAndAUtcSessionDefault() throws Exception {
        EmbeddedMariaDb db = TestDatabase.server();
        try (Connection c = connect(db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT @@bind_address, @@skip_grant_tables, @@global.time_zone, @@character_set_server")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getString(3)).isEqualTo("+00:00");
            assertThat(rs.getString(4)).isEqualTo("utf8mb4");
        }
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:" + db.port() + "/vdibot");
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password() + "-wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void refusesASecondServerOnADataDirectoryInUse() {
        EmbeddedMariaDb running = TestDatabase.server();
        long started = System.nanoTime();

        assertThatThrownBy(() -> EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(running.dataDir())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(running.isRunning()).isTrue();
    }

    @Test
    void refusesToStartBesideAServerLeftOverFromAnEarlierRun() throws Exception {
        Path dataDir = TestDatabase.ROOT.resolve(TestDatabase.unique("leftover"));
        Files.createDirectories(dataDir);
        // Stands in for a mariadbd whose JVM was killed: a live process naming the data directory.
        Process leftover = new ProcessBuilder("/bin/sh", "-c", "sleep 60; true", dataDir.toString()).start();
        try {
            Files.writeString(dataDir.resolve(LeftoverServer.PID_FILE), leftover.pid() + "\n");

            assertThatThrownBy(() -> EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(dataDir)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("left over")
                    .hasMessageContaining("pid " + leftover.pid());
        } finally {
            leftover.descendants().forEach(ProcessHandle::destroy);
            leftover.destroy();
            leftover.waitFor();
            TestDatabase.deleteRecursively(dataDir);
        }
    }

    @Test
    void refusesADataDirectoryUnderTheTemporaryDirectoryAndLeavesItAlone() throws Exception {
        Path tmpDataDir = Files.createTempDirectory("vdibot-refused-");
        Path precious = Files.writeString(tmpDataDir.resolve("precious.txt"), "keep me");
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(tmpDataDir)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not be under");
            assertThat(precious).hasContent("keep me");
        } finally {
            TestDatabase.deleteRecursively(tmpDataDir);
        }
    }

    @Test
    void settingsRejectNamesThatCouldNotBeUsedSafelyInSql() {
        EmbeddedMariaDbSettings defaults = EmbeddedMariaDbSettings.defaults();

        assertThatThrownBy(() -> defaults.withDatabase("vdibot`; DROP DATABASE mysql; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withCredentials("o'brien", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(defaults.withCredentials("bot", "secret").toString()).doesNotContain("secret");
    }

    private static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
