package io.vdibot.adapters.teams;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The adapter's own words ({@code teams.properties}, {@code teams_zh_CN.properties}): form buttons, approval hints,
 * notices about Teams itself. Simplified Chinese for {@code zh*} locales, English otherwise.
 */
public final class TeamsTexts {

    public static final String BUNDLE = "io.vdibot.adapters.teams.teams";

    private final Locale locale;
    private final ResourceBundle bundle;

    private TeamsTexts(Locale locale) {
        this.locale = locale;
        // Properties bundles are read as UTF-8 since Java 9.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static TeamsTexts forLocale(Locale requested) {
        boolean chinese = requested != null && "zh".equals(requested.getLanguage());
        return new TeamsTexts(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT);
    }

    public static List<Locale> supportedLocales() {
        return List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public String format(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
