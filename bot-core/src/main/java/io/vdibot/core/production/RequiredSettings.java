package io.vdibot.core.production;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The bot has no database, directory or engine of its own: without {@code spring.datasource.url},
 * {@code vdibot.directory.url} or {@code vdibot.sites[0].url} it does not start, and says so one line each. Checked
 * before any bean exists, after whatever initializer of the class path had its chance to supply them (the demo
 * artifact's embedded defaults do).
 */
public final class RequiredSettings implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> problems = problems(context.getEnvironment());
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    /** One line per missing setting, naming its property; empty when the bot may start. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (blank(env, "spring.datasource.url")) {
            problems.add("spring.datasource.url is not set: the bot keeps its tasks in a MariaDB (or Galera) database.");
        }
        if (blank(env, "vdibot.directory.url")) {
            problems.add("vdibot.directory.url is not set: the bot checks permissions in an LDAP or AD directory.");
        }
        if (blank(env, "vdibot.sites[0].url")) {
            problems.add("vdibot.sites[0].url is not set: the bot needs at least one engine (site).");
        }
        return List.copyOf(problems);
    }

    private static boolean blank(Environment env, String property) {
        String value = env.getProperty(property);
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        // last: after the demo's embedded defaults (io.vdibot.embedded.EmbeddedDefaults) when they are on the class path
        return Ordered.LOWEST_PRECEDENCE;
    }
}
