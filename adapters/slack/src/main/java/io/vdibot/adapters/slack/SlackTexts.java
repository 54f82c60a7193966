package io.vdibot.adapters.slack;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The adapter's own words ({@code slack.properties}, {@code slack_zh_CN.properties}): modal buttons, App Home
 * headings, notices about Slack itself. Simplified Chinese for {@code zh*} locales, English otherwise.
 */
public final class SlackTexts {

    public static final String BUNDLE = "io.vdibot.adapters.slack.slack";
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Locale locale;
    private final ResourceBundle bundle;

    private SlackTexts(Locale locale) {
        this.locale = locale;
        // Properties bundles are read as UTF-8 since Java 9.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static SlackTexts forLocale(Locale requested) {
        boolean chinese = requested != null && "zh".equals(requested.getLanguage());
        return new SlackTexts(chinese ? SIMPLIFIED_CHINESE : Locale.ROOT);
    }

    public static List<Locale> supportedLocales() {
        return List.of(Locale.ROOT, SIMPLIFIED_CHINESE);
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
