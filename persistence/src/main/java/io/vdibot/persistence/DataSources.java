package io.vdibot.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the connection pool the repositories run on, for code that has no Spring context. */
public final class DataSources {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

    /**
     * Every pooled session runs in UTC. The repositories bind and read UTC wall-clock values themselves and
     * do not depend on it; it keeps server-side functions such as {@code NOW()} consistent with the data.
     */
    static final String SESSION_INIT_SQL = "SET time_zone = '+00:00'";

    private DataSources() {
    }

    public static HikariDataSource pooled(String jdbcUrl, String user, String password) {
        return pooled(jdbcUrl, user, password, DEFAULT_MAXIMUM_POOL_SIZE);
    }

    public static HikariDataSource pooled(String jdbcUrl, String user, String password, int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionInitSql(SESSION_INIT_SQL);
        return new HikariDataSource(config);
    }
}
