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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engines: the configured sites ({@code vdibot.sites[i].*}, each password inline or in
 * {@code vdibot.sites[i].password-file}; the demo artifact configures its simulated sites the same way). The bot
 * talks to them only through the oVirt SDK over HTTPS, trusting the engine CA.
 */
@Configuration(proxyBeanMethods = false)
public class SitesConfiguration {

    @Bean
    public List<SiteConfig> siteConfigs(VdibotProperties properties) {
        List<SiteConfig> sites = new ArrayList<>();
        for (int i = 0; i < properties.sites().size(); i++) {
            VdibotProperties.Site s = properties.sites().get(i);
            sites.add(new SiteConfig(s.name(), s.url(), s.caFile(), s.username(),
                    Secrets.read(s.password(), s.passwordFile(), "vdibot.sites[" + i + "].password-file")));
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
