package io.vdibot.adapters.teams;

import io.vdibot.adapters.common.AdapterTexts;
import java.util.Locale;

/**
 * The adapter's own words ({@code teams.properties}, {@code teams_zh_CN.properties}): form buttons, approval hints,
 * notices about Teams itself.
 */
public final class TeamsTexts extends AdapterTexts {

    public static final String BUNDLE = "io.vdibot.adapters.teams.teams";

    private TeamsTexts(Locale requested) {
        super(BUNDLE, requested);
    }

    public static TeamsTexts forLocale(Locale requested) {
        return new TeamsTexts(requested);
    }
}
