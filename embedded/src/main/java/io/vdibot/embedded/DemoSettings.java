package io.vdibot.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's own settings: where its embedded servers keep their state and how the simulated sites behave. Read by
 * {@link EmbeddedDefaults} with a {@code Binder} before the bot's context starts; the bot itself never reads them.
 *
 * @param dataDir where the embedded MariaDB ({@code <data-dir>/mariadb}, its binaries under
 *                {@code <data-dir>/mariadb-binaries}) and the simulated sites ({@code <data-dir>/simulator}) keep
 *                their state
 * @param demo    the simulated sites started when no site is configured
 */
@ConfigurationProperties("vdibot")
public record DemoSettings(@DefaultValue("data") Path dataDir, @DefaultValue Demo demo) {

    /**
     * The simulated demo sites.
     *
     * @param sites     how many ({@code dc1}, {@code dc2}, …)
     * @param port      the first site's HTTPS port on 127.0.0.1, the next ones follow; 0 picks free ports
     * @param timeScale the simulated engines run this many times real time ({@code 0.05}: twenty times as fast)
     * @param password  the engines' {@code admin@internal} password
     * @param scale     when above zero, this many generated VMs (and their pools and templates) are added to each
     *                  site's demo estate, to see the bot with a large estate
     */
    public record Demo(@DefaultValue("2") int sites, @DefaultValue("18443") int port,
            @DefaultValue("0.05") double timeScale, @DefaultValue("vdibot") String password,
            @DefaultValue("0") int scale) {
    }
}
