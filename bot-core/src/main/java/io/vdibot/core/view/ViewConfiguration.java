package io.vdibot.core.view;

import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.view.DashboardHandler;
import io.vdibot.rhev.view.ListHandler;
import io.vdibot.rhev.view.RefreshHandler;
import io.vdibot.rhev.view.ShowHandler;
import io.vdibot.rhev.view.SitesHandler;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inventory views ({@code show}, {@code list}, {@code sites}, {@code dashboard}, {@code refresh}). */
@Configuration(proxyBeanMethods = false)
public class ViewConfiguration {

    @Bean
    public ShowHandler showHandler(InventoryCache inventory) {
        return new ShowHandler(inventory);
    }

    @Bean
    public ListHandler listHandler(InventoryCache inventory) {
        return new ListHandler(inventory);
    }

    @Bean
    public SitesHandler sitesHandler(EngineConnections connections, InventoryCache inventory) {
        return new SitesHandler(connections, inventory);
    }

    @Bean
    public DashboardHandler dashboardHandler(InventoryCache inventory, Clock clock) {
        return new DashboardHandler(inventory, clock);
    }

    @Bean
    public RefreshHandler refreshHandler(InventoryCache inventory) {
        return new RefreshHandler(inventory);
    }
}
