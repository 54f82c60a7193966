package io.vdibot.adapters.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An adapter's own words, from its properties bundle: Simplified Chinese for {@code zh*} locales, English otherwise.
 * Each adapter names its bundle in a subclass with a {@code forLocale} factory.
 */
public abstract class AdapterTexts {

    private final Locale locale;
    private final ResourceBundle bundle;

    protected AdapterTexts(String bundleName, Locale requested) {
        this.locale = supported(requested);
        // Properties bundles are read as UTF-8 since Java 9.
        this.bundle = ResourceBundle.getBundle(bundleName, locale, getClass().getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English (the root bundle) and Simplified Chinese. */
    public static List<Locale> supportedLocales() {
        return List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE);
    }

    private static Locale supported(Locale requested) {
        boolean chinese = requested != null && "zh".equals(requested.getLanguage());
        return chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
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
