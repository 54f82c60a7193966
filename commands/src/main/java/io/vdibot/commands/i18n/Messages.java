package io.vdibot.commands.i18n;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.schedule.Schedule;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-facing text in one language. Patterns are {@link MessageFormat}s (so a literal apostrophe is written
 * {@code ''}); an unknown key throws {@link MissingResourceException}, so a missing text fails a test rather than
 * reaching a user as a raw key.
 */
public final class Messages {

    public static final String BUNDLE = "io.vdibot.commands.messages";
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Map<Locale, Messages> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), Utf8Control.INSTANCE);
    }

    /**
     * The texts for {@code requested}: Simplified Chinese for Chinese other than Traditional (Taiwan, Hong Kong,
     * Macao or the Hant script), English for everything else and for {@code null}.
     */
    public static Messages forLocale(Locale requested) {
        return CACHE.computeIfAbsent(supported(requested), Messages::new);
    }

    /** The languages with a complete bundle. */
    public static List<Locale> supportedLocales() {
        return List.of(Locale.ENGLISH, SIMPLIFIED_CHINESE);
    }

    static Locale supported(Locale requested) {
        if (requested == null || !requested.getLanguage().equals("zh")) {
            return Locale.ENGLISH;
        }
        boolean traditional = requested.getScript().equals("Hant")
                || Set.of("TW", "HK", "MO").contains(requested.getCountry());
        return traditional ? Locale.ENGLISH : SIMPLIFIED_CHINESE;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with {@code args} filled in (in Chinese, spaced as {@link ChineseSpacing} says). */
    public String format(String key, Object... args) {
        MessageFormat format = new MessageFormat(bundle.getString(key), locale);
        Object[] said = args.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Term term) {
                said[i] = term(term.family(), term.value());
            } else if (said[i] instanceof Text text) {
                said[i] = text.in(this);
            }
        }
        return locale.getLanguage().equals("zh") ? ChineseSpacing.format(format, said) : format.format(said);
    }

    /**
     * A word of the engine's vocabulary in this language: a status or a type, looked up as {@code family.value}
     * ({@code engine.vm-status.powering-up} for {@code powering_up}). A value the bundle does not know yet (a newer
     * engine's) is shown as the engine wrote it rather than failing the whole reply; {@code null} is {@code -}.
     *
     * @param family a key prefix from {@link EngineTerm}
     */
    public String term(EngineTerm family, String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        String key = family.key(value);
        return has(key) ? format(key) : value;
    }

    /** The message of a parse mistake. */
    public String format(Violation violation) {
        return format(violation.key(), violation.args().toArray());
    }

    /**
     * The message of a parse mistake. What the user typed is shown back cut to {@link #SHOWN_MAX} characters: a
     * 100 KiB paste shown whole explains nothing, and Teams refuses a message over about 28 KB, so the user would
     * get no answer at all.
     */
    public String format(FieldError error) {
        return format(error.key(), error.args().stream().map(Messages::shown).toArray());
    }

    /** The most characters of one argument a parse mistake shows; more than any list of keys or words of ours. */
    public static final int SHOWN_MAX = 200;

    static String shown(String arg) {
        if (arg.codePointCount(0, arg.length()) <= SHOWN_MAX) {
            return arg;
        }
        return arg.substring(0, arg.offsetByCodePoints(0, SHOWN_MAX - 1)) + "…";
    }

    /** "now", or "at 2026-12-01 09:00 Europe/Paris" in the schedule's own zone, for {@code reply.task.*}. */
    public String describe(Schedule schedule) {
        if (schedule.now()) {
            return format("when.now");
        }
        return format("when.at", WHEN.format(schedule.localTime()) + " " + schedule.zone());
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of this language, including those it inherits from the English base bundle. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(bundle.keySet());
    }
}
