package io.vdibot.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** Brings a database's schema up to date with this module's Flyway migrations. */
public final class Database {

    /** Spring Boot's Flyway auto-configuration reads the same location by default. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

    private Database() {
    }

    /**
     * Applies every pending migration and returns how many ran (0 when the schema was current).
     * Several processes may call it at once against one server: Flyway takes a named lock around each
     * migration, so each one runs exactly once between them.
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS_LOCATION)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
