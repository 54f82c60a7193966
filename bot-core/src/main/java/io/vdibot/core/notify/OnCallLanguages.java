package io.vdibot.core.notify;

import io.vdibot.commands.Platform;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The language on-call notices are written in: {@code vdibot.oncall.locale} (the bot's default locale unless set),
 * or the language configured for a platform's on-call channel ({@code vdibot.slack.oncall-channel-locale},
 * {@code vdibot.teams.oncall-locale}), so that a Chinese-speaking team's channel reads Chinese while another's reads
 * English.
 */
public final class OnCallLanguages {

    private final Locale fallback;
    private final Map<Platform, Locale> byPlatform;

    public OnCallLanguages(Locale fallback, Map<Platform, Locale> byPlatform) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.byPlatform = byPlatform.isEmpty() ? Map.of() : new EnumMap<>(byPlatform);
    }

    /** Every notice in one language. */
    public static OnCallLanguages of(Locale locale) {
        return new OnCallLanguages(locale, Map.of());
    }

    /** The language of the on-call people of {@code platform}. */
    public Locale of(Platform platform) {
        return byPlatform.getOrDefault(platform, fallback);
    }

    /** The language on-call notices are written in unless a platform's channel says otherwise. */
    public Locale fallback() {
        return fallback;
    }
}
