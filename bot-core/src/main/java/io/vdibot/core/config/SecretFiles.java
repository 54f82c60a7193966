package io.vdibot.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets kept in files, checked before anything starts.
 *
 * <p>Every {@code *-file} secret the configuration will read (the inline value is not set, and its adapter or
 * external service is configured) must be a readable, non-empty file; otherwise the start stops with one line per
 * file naming its property, all of them at once rather than one per restart.
 *
 * <p>{@code vdibot.database.password-file} becomes {@code spring.datasource.password}, which Spring Boot's
 * DataSource (and so Flyway and Quartz) reads, unless that property is set, as an inline Slack token wins over its
 * file.
 */
public final class SecretFiles implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "vdibot-secret-files";
    static final String DATABASE_PASSWORD = "spring.datasource.password";
    static final String DATABASE_PASSWORD_FILE = "vdibot.database.password-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new SecretFileException(problems);
        }
        DatabaseProperties database = Binder.get(environment).bind("vdibot.database", DatabaseProperties.class)
                .orElse(new DatabaseProperties(null));
        if (database.passwordFile() != null && blank(environment, DATABASE_PASSWORD)) {
            String password = Secrets.readFile(database.passwordFile(), DATABASE_PASSWORD_FILE);
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(DATABASE_PASSWORD, password)));
        }
    }

    /** One line per secret file that the bot would read and cannot, naming its property; empty when all can be. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        check(env, DATABASE_PASSWORD_FILE, DATABASE_PASSWORD, problems);
        if (!blank(env, "vdibot.directory.url")) {
            check(env, "vdibot.directory.bind-password-file", "vdibot.directory.bind-password", problems);
        }
        List<SiteSecret> sites = Binder.get(env).bind("vdibot.sites", Bindable.listOf(SiteSecret.class))
                .orElse(List.of());
        for (int i = 0; i < sites.size(); i++) {
            SiteSecret site = sites.get(i);
            if (isBlank(site.password()) && !isBlank(site.passwordFile())) {
                read(Path.of(site.passwordFile().trim()), "vdibot.sites[" + i + "].password-file", problems);
            }
        }
        if (!blank(env, "vdibot.slack.bot-token") || !blank(env, "vdibot.slack.bot-token-file")) {
            check(env, "vdibot.slack.bot-token-file", "vdibot.slack.bot-token", problems);
            check(env, "vdibot.slack.signing-secret-file", "vdibot.slack.signing-secret", problems);
            check(env, "vdibot.slack.app-token-file", "vdibot.slack.app-token", problems);
        }
        if (!blank(env, "vdibot.teams.app-id")) {
            check(env, "vdibot.teams.app-password-file", "vdibot.teams.app-password", problems);
        }
        if (!blank(env, "vdibot.mail.host")) {
            check(env, "vdibot.mail.password-file", "vdibot.mail.password", problems);
        }
        return List.copyOf(problems);
    }

    /** What a site's secret is bound from; the rest of {@code vdibot.sites[i]} is not needed here. */
    record SiteSecret(String password, String passwordFile) {
    }

    private static void check(Environment env, String fileProperty, String inlineProperty, List<String> problems) {
        if (blank(env, inlineProperty) && !blank(env, fileProperty)) {
            read(Path.of(env.getProperty(fileProperty).trim()), fileProperty, problems);
        }
    }

    private static void read(Path file, String fileProperty, List<String> problems) {
        try {
            Secrets.readFile(file, fileProperty);
        } catch (SecretFileException e) {
            problems.addAll(e.problems());
        }
    }

    private static boolean blank(Environment env, String property) {
        return isBlank(env.getProperty(property));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so that what they set counts
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
