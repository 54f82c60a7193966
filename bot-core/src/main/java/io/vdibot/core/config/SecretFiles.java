package io.vdibot.core.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets kept in files for settings the bot does not bind itself: {@code vdibot.database.password-file} becomes
 * {@code spring.datasource.password}, which Spring Boot's DataSource (and so Flyway and Quartz) reads, unless that
 * property is set, as an inline Slack token wins over its file.
 */
public final class SecretFiles implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "vdibot-secret-files";
    static final String DATABASE_PASSWORD = "spring.datasource.password";
    static final String DATABASE_PASSWORD_FILE = "vdibot.database.password-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DatabaseProperties database = Binder.get(environment).bind("vdibot.database", DatabaseProperties.class)
                .orElse(new DatabaseProperties(null));
        String inline = environment.getProperty(DATABASE_PASSWORD);
        if (database.passwordFile() != null && (inline == null || inline.isBlank())) {
            String password = Secrets.readFile(database.passwordFile(), DATABASE_PASSWORD_FILE);
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(DATABASE_PASSWORD, password)));
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so that what they set counts
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
