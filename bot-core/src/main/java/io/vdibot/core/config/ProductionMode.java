package io.vdibot.core.config;

import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Whether the bot runs in production ({@code vdibot.mode=production}) or as a demo (anything else, the default). In
 * production a chat adapter whose settings leave it open to anyone (no allowed workspaces or tenants) does not start;
 * a demo runs with a warning.
 */
public final class ProductionMode {

    public static final String PROPERTY = "vdibot.mode";

    private ProductionMode() {
    }

    public static boolean isOn(Environment environment) {
        String mode = environment.getProperty(PROPERTY, "");
        return "production".equals(mode.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Refuses to go on in production mode when {@code problems} (one line each, naming its property, as the
     * adapters' {@code productionProblems()} give them) is not empty.
     *
     * @throws ProductionSettingsException naming every problem on one line
     */
    public static void require(Environment environment, List<String> problems) {
        if (isOn(environment) && !problems.isEmpty()) {
            throw new ProductionSettingsException(problems);
        }
    }
}
