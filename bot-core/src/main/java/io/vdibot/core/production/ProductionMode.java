package io.vdibot.core.production;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Production mode ({@code vdibot.mode=production} or the Spring profile {@code production}) fails closed: the bot
 * does not start while any embedded or unsafe default would be used, and says which property to set, one line
 * each. It also turns the console off unless the configuration turns it on.
 */
public final class ProductionMode implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "vdibot-production-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isOn(environment)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS,
                Map.of("vdibot.console.enabled", "false")));
        List<String> problems = ProductionReadiness.problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    /**
     * Refuses to go on in production mode when {@code problems} (one line each, naming its property, as the chat
     * adapters' {@code productionProblems()} give them) is not empty: the adapters' own check, for whatever the
     * start-up check cannot read from the configuration alone.
     *
     * @throws UnsafeConfigurationException naming every problem
     */
    public static void require(Environment environment, List<String> problems) {
        if (isOn(environment) && !problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    public static boolean isOn(Environment environment) {
        String mode = environment.getProperty("vdibot.mode", "");
        return "production".equals(mode.trim().toLowerCase(Locale.ROOT))
                || environment.acceptsProfiles(Profiles.of("production"));
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so that what they set counts
        return Ordered.LOWEST_PRECEDENCE;
    }
}
