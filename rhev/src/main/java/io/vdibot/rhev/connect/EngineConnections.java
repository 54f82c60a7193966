package io.vdibot.rhev.connect;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ovirt.engine.sdk4.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SDK connection per site, created on first use and shared by every task on that site. A connection whose
 * transport failed is dropped ({@link #invalidate}) and the next call builds a fresh one, so a restarted engine or
 * a half-closed TCP pool does not poison later calls. The default site is the first configured one.
 */
public final class EngineConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConnections.class);

    private final Map<String, SiteConfig> sites;
    private final ConnectionSettings settings;
    private final MeterRegistry meters;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, CaTrustStore> trustStores = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param meters where every HTTP request to an engine is timed ({@code vdibot.engine.calls}) */
    public EngineConnections(List<SiteConfig> sites, ConnectionSettings settings, MeterRegistry meters) {
        Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("at least one site must be configured");
        }
        Map<String, SiteConfig> byName = new LinkedHashMap<>();
        for (SiteConfig site : sites) {
            if (byName.putIfAbsent(site.name(), site) != null) {
                throw new IllegalArgumentException("site " + site.name() + " is configured twice");
            }
        }
        this.sites = byName;
        this.settings = settings;
    }

    /** Engine calls are timed in Micrometer's global registry, which Spring Boot's registry joins by default. */
    public EngineConnections(List<SiteConfig> sites, ConnectionSettings settings) {
        this(sites, settings, Metrics.globalRegistry);
    }

    public EngineConnections(List<SiteConfig> sites) {
        this(sites, ConnectionSettings.DEFAULTS);
    }

    /** Site names in configuration order, default first. */
    public List<String> siteNames() {
        return List.copyOf(sites.keySet());
    }

    public String defaultSite() {
        return sites.keySet().iterator().next();
    }

    public boolean knows(String site) {
        return sites.containsKey(site);
    }

    public SiteConfig site(String name) {
        SiteConfig site = sites.get(name);
        if (site == null) {
            throw new NoSuchElementException("no site named " + name + "; configured: " + sites.keySet());
        }
        return site;
    }

    /** The site's connection, built now if there is none. Building does not contact the engine. */
    public Connection connection(String site) {
        if (closed) {
            throw new IllegalStateException("engine connections are closed");
        }
        SiteConfig config = site(site);
        return open.computeIfAbsent(site, name -> build(config));
    }

    /**
     * Drops {@code broken} if it is still the site's current connection (another thread may have replaced it
     * already). It is closed without logging out: its transport just failed, so a logout would only wait.
     */
    public void invalidate(String site, Connection broken) {
        if (open.remove(site, broken)) {
            LOG.info("dropping the connection to site {} after a transport failure; the next call reconnects", site);
            closeQuietly(site, broken, false);
        }
    }

    /** The temporary trust store of a site, while connections are open (for tests of the clean-up). */
    Optional<Path> trustStoreFile(String site) {
        return Optional.ofNullable(trustStores.get(site)).map(CaTrustStore::file);
    }

    private Connection build(SiteConfig config) {
        try {
            CaTrustStore trust = trustStores.computeIfAbsent(config.name(),
                    name -> CaTrustStore.fromPem(name, config.caFile()));
            LOG.debug("connecting to site {} at {}", config.name(), config.apiUrl());
            return new SiteConnectionBuilder(settings, new EngineCallMeter(meters, config.name()))
                    .url(config.apiUrl())
                    .user(config.username())
                    .password(config.password())
                    .trustStoreFile(trust.file().toString())
                    .trustStorePassword(trust.password())
                    .timeout(Math.toIntExact(Math.max(1, settings.connectTimeout().toSeconds())))
                    .build();
        } catch (RuntimeException e) {
            throw new SiteConfigurationException(config.name(), "site " + config.name()
                    + ": cannot use the configured engine connection: " + e.getMessage(), e);
        }
    }

    /** Logs out of every engine (revoking the tokens) and deletes the temporary trust stores. */
    @Override
    public void close() {
        closed = true;
        List<String> names = new ArrayList<>(open.keySet());
        for (String site : names) {
            Connection connection = open.remove(site);
            if (connection != null) {
                closeQuietly(site, connection, true);
            }
        }
        trustStores.values().forEach(CaTrustStore::close);
        trustStores.clear();
    }

    private static void closeQuietly(String site, Connection connection, boolean logout) {
        try {
            connection.close(logout);
        } catch (Exception e) {
            // an engine that is down cannot revoke the token; it expires on its own
            LOG.debug("closing the connection to site {} failed: {}", site, e.toString());
        }
    }
}
