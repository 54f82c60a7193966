package io.vdibot.core.infra;

import io.micrometer.core.instrument.MeterRegistry;
import io.vdibot.core.config.Secrets;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.connect.ConnectionSettings;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.connect.SiteConfig;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.SimulatedSite;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engines: the configured sites ({@code vdibot.sites[i].*}, each password inline or in
 * {@code vdibot.sites[i].password-file}), or — when none is configured — the
 * simulated demo sites started in-process, keeping their estate under {@code <data-dir>/simulator}.
 * Either way the bot talks to them only through the oVirt SDK over HTTPS, trusting the engine CA.
 */
@Configuration(proxyBeanMethods = false)
public class SitesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SitesConfiguration.class);

    /** Started only when no site is configured. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingProperty("vdibot.sites[0].url")
    public Simulator demoSites(VdibotProperties properties) {
        VdibotProperties.Demo demo = properties.demo();
        Simulator simulator = Simulator.builder().sites(demo.sites()).basePort(demo.port())
                .timeScale(demo.timeScale()).password(demo.password()).scale(demo.scale())
                .stateDir(properties.dataDir().resolve("simulator")).start();
        simulator.sites().forEach(site -> LOG.info("demo site {} at {}", site.name(), site.apiUrl()));
        return simulator;
    }

    @Bean
    public List<SiteConfig> siteConfigs(VdibotProperties properties, ObjectProvider<Simulator> demo) {
        if (!properties.sites().isEmpty()) {
            List<SiteConfig> sites = new ArrayList<>();
            for (int i = 0; i < properties.sites().size(); i++) {
                VdibotProperties.Site s = properties.sites().get(i);
                sites.add(new SiteConfig(s.name(), s.url(), s.caFile(), s.username(),
                        Secrets.read(s.password(), s.passwordFile(), "vdibot.sites[" + i + "].password-file")));
            }
            return sites;
        }
        Simulator simulator = demo.getObject();
        Path caFile = properties.dataDir().resolve("simulator").resolve("engine-ca.pem");
        try {
            Files.createDirectories(caFile.getParent());
            Files.writeString(caFile, simulator.caCertificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo engine CA to " + caFile, e);
        }
        List<SiteConfig> sites = new ArrayList<>();
        for (SimulatedSite site : simulator.sites()) {
            sites.add(new SiteConfig(site.name(), site.apiUrl(), caFile, "admin@internal",
                    properties.demo().password()));
        }
        return sites;
    }

    @Bean(destroyMethod = "close")
    public EngineConnections engineConnections(List<SiteConfig> siteConfigs, MeterRegistry meters) {
        return new EngineConnections(siteConfigs, ConnectionSettings.DEFAULTS, meters);
    }

    @Bean
    public InventoryCache inventoryCache(EngineConnections connections, MeterRegistry meters) {
        return new InventoryCache(new InventoryQueries(new EngineCalls(connections)), InventoryCache.DEFAULT_TTL,
                Clock.systemUTC(), meters);
    }
}
