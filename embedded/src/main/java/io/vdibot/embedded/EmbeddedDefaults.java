package io.vdibot.embedded;

import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import io.vdibot.rhev.simulator.SimulatedSite;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo's embedded defaults. Before the bot's context starts, each of the three things the bot needs that the
 * configuration leaves out is started here — a MariaDB ({@code spring.datasource.url} unset), the demo directory
 * ({@code vdibot.directory.url} unset), simulated sites ({@code vdibot.sites[0].url} unset) — and its address and
 * credentials are handed to the bot as the very properties a deployment sets. The bot cannot tell them from real ones.
 *
 * <p>Production mode never gets here with a missing property: it refuses to start earlier, while the environment is
 * prepared. The servers are registered as beans (tests look them up) and stopped after every bean of the bot, so
 * the connection pool and Quartz are gone before the database is.
 */
public final class EmbeddedDefaults implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** Before the bot's own check that its database, directory and sites are configured. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    /** The property source holding what was started; it wins over everything else. */
    public static final String SOURCE = "vdibot-embedded-defaults";
    static final String BINARIES_PROPERTY = "vdibot.embedded-database.binaries-dir";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefaults.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        DemoSettings settings = Binder.get(env).bindOrCreate("vdibot", DemoSettings.class);
        Map<String, Object> properties = new LinkedHashMap<>();
        Started started = new Started();
        try {
            if (missing(env, "spring.datasource.url")) {
                EmbeddedMariaDb database = started.add("embeddedMariaDb", startDatabase(settings, env));
                properties.put("spring.datasource.url", database.jdbcUrl());
                properties.put("spring.datasource.username", database.user());
                properties.put("spring.datasource.password", database.password());
                properties.put("spring.datasource.hikari.connection-init-sql", "SET time_zone = '+00:00'");
            }
            if (missing(env, "vdibot.directory.url")) {
                EmbeddedLdapServer directory = started.add("embeddedLdapServer",
                        EmbeddedLdapServer.start(EmbeddedLdapServer.Settings.demo()));
                properties.put("vdibot.directory.url", directory.url());
                // anyone may be anyone in the demo directory
                properties.put("vdibot.console.allow-login", "true");
            }
            if (missing(env, "vdibot.sites[0].url")) {
                Simulator simulator = started.add("demoSites", startSites(settings));
                properties.putAll(siteProperties(simulator, settings));
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        if (!properties.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
        }
        started.registerIn(context.getBeanFactory());
    }

    private static EmbeddedMariaDb startDatabase(DemoSettings settings, ConfigurableEnvironment env) {
        // the binaries are unpacked under our own data directory unless told to share a copy (the test build does)
        String shared = env.getProperty(BINARIES_PROPERTY, "");
        Path binaries = shared.isBlank() ? settings.dataDir().resolve("mariadb-binaries") : Path.of(shared);
        return EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults()
                .withDataDir(settings.dataDir().resolve("mariadb")).withBinariesUnder(binaries));
    }

    private static Simulator startSites(DemoSettings settings) {
        DemoSettings.Demo demo = settings.demo();
        Simulator simulator = Simulator.builder().sites(demo.sites()).basePort(demo.port())
                .timeScale(demo.timeScale()).password(demo.password()).scale(demo.scale())
                .stateDir(settings.dataDir().resolve("simulator")).start();
        simulator.sites().forEach(site -> LOG.info("demo site {} at {}", site.name(), site.apiUrl()));
        return simulator;
    }

    /** {@code vdibot.sites[i].*} of every simulated site, trusting its CA, and the engines' speed. */
    static Map<String, Object> siteProperties(Simulator simulator, DemoSettings settings) {
        Path caFile = settings.dataDir().resolve("simulator").resolve("engine-ca.pem").toAbsolutePath();
        try {
            Files.createDirectories(caFile.getParent());
            Files.writeString(caFile, simulator.caCertificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo engine CA to " + caFile, e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<SimulatedSite> sites = simulator.sites();
        for (int i = 0; i < sites.size(); i++) {
            String prefix = "vdibot.sites[" + i + "].";
            properties.put(prefix + "name", sites.get(i).name());
            properties.put(prefix + "url", sites.get(i).apiUrl());
            properties.put(prefix + "ca-file", caFile.toString());
            properties.put(prefix + "username", "admin@internal");
            properties.put(prefix + "password", settings.demo().password());
        }
        // the bot's pool tasks wait as they would for an engine running at the simulator's speed
        properties.put("vdibot.engine-time-scale", Double.toString(settings.demo().timeScale()));
        return properties;
    }

    private static boolean missing(ConfigurableEnvironment env, String property) {
        String value = env.getProperty(property);
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** What this initializer started, stopped in reverse order, once. */
    private static final class Started implements AutoCloseable {

        private final Map<String, AutoCloseable> byName = new LinkedHashMap<>();

        <T extends AutoCloseable> T add(String name, T server) {
            byName.put(name, server);
            return server;
        }

        void registerIn(ConfigurableListableBeanFactory beans) {
            if (byName.isEmpty()) {
                return;
            }
            byName.forEach(beans::registerSingleton);
            // registered before any bean of the bot exists, so destroyed after all of them
            ((DefaultSingletonBeanRegistry) beans).registerDisposableBean(SOURCE, this::close);
        }

        @Override
        public synchronized void close() {
            Deque<AutoCloseable> servers = new ArrayDeque<>(byName.values());
            byName.clear();
            while (!servers.isEmpty()) {
                try {
                    servers.removeLast().close();
                } catch (Exception e) {
                    LOG.warn("could not stop an embedded server: {}", e.toString());
                }
            }
        }
    }
}
