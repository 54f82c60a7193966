package io.vdibot.adapters.console;

import io.vdibot.commands.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's own texts in English and Simplified Chinese, chosen by the same rule as the core's
 * {@link Messages}, so {@code /lang zh} switches the console's answers together with the bot's.
 */
final class ConsoleTexts {

    private static final String BASE = "/io/vdibot/adapters/console/console";
    private static final Map<Locale, ConsoleTexts> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Properties texts;

    private ConsoleTexts(Locale locale) {
        this.locale = locale;
        this.texts = load(locale.equals(Locale.ENGLISH) ? BASE : BASE + "_" + locale);
    }

    static ConsoleTexts forLocale(Locale requested) {
        return CACHE.computeIfAbsent(Messages.forLocale(requested).locale(), ConsoleTexts::new);
    }

    /** The text of {@code key}; an unknown key throws, so a missing text fails a test instead of printing a key. */
    String format(String key, Object... args) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no console text " + key + " for " + locale);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    Set<String> keys() {
        return texts.stringPropertyNames();
    }

    // Read as UTF-8 whatever the JVM's settings: the Chinese texts must not depend on how the bot was started.
    private static Properties load(String name) {
        try (InputStream in = ConsoleTexts.class.getResourceAsStream(name + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + ".properties");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
