package io.vdibot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.User;
import com.slack.api.util.json.GsonFactory;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ChatIdentity;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a Slack user is: {@code users.info} gives the e-mail address the core maps to a directory entry, a name for
 * replies, the time zone for forms, the language for the adapter's own words, and the account's standing (guest,
 * external, deactivated or bot, e-mail confirmed) that {@link SlackAccess} judges. Cached for a few minutes, because
 * every request needs it and {@code users.info} is rate-limited.
 */
public final class SlackPeople {

    static final Duration TTL = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 10_000;

    private final SlackApi api;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SlackPeople(SlackApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The person behind a Slack user id.
     *
     * @throws SlackCallException when Slack cannot say
     */
    public SlackPerson lookup(String userId) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.person();
        }
        SlackPerson person = SlackPerson.of(userId, api.userInfo(userId));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(userId, new Cached(person, now.plus(TTL)));
        return person;
    }

    /**
     * A Slack user as the adapter needs them, and what Slack says about their standing.
     *
     * @param email          {@code null} for bots, deleted users, or when the app may not read e-mail addresses; the
     *                       core then refuses politely
     * @param zone           {@code null} when Slack has none
     * @param locale         {@code null} when Slack has none
     * @param guest          a restricted or ultra-restricted (single-channel) guest
     * @param external       from another organisation ({@code is_stranger}), e.g. in a Slack Connect channel
     * @param inactive       deactivated, or a bot (app, workflow)
     * @param emailConfirmed {@code false} only when Slack says so: most answers carry no {@code is_email_confirmed}
     */
    public record SlackPerson(String userId, String email, String displayName, ZoneId zone, Locale locale,
                              boolean guest, boolean external, boolean inactive, boolean emailConfirmed) {

        private static final Gson GSON = GsonFactory.createSnakeCase();

        public SlackPerson {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(displayName, "displayName");
        }

        /** From the user object of {@code users.info}. */
        static SlackPerson of(String userId, JsonObject json) {
            User user = GSON.fromJson(json, User.class);
            User.Profile profile = user.getProfile();
            boolean inactive = user.isBot() || user.isWorkflowBot() || user.isDeleted();
            String email = !inactive && profile != null ? blankToNull(profile.getEmail()) : null;
            String name = firstOf(profile == null ? null : profile.getDisplayName(), user.getRealName(),
                    profile == null ? null : profile.getRealName(), user.getName(), userId);
            return new SlackPerson(userId, email, name, zone(user.getTz()), locale(user.getLocale()),
                    user.isRestricted() || user.isUltraRestricted(), user.isStranger(), inactive,
                    !explicitlyFalse(json, "is_email_confirmed"));
        }

        private static boolean explicitlyFalse(JsonObject json, String field) {
            JsonElement value = json.get(field);
            return value != null && value.isJsonPrimitive() && !value.getAsBoolean();
        }

        public ChatIdentity identity() {
            return new ChatIdentity(Platform.SLACK, userId, email, displayName);
        }

        private static ZoneId zone(String tz) {
            if (tz == null || tz.isBlank()) {
                return null;
            }
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static Locale locale(String tag) {
            return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag);
        }

        private static String firstOf(String... candidates) {
            for (String candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("no name");
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private record Cached(SlackPerson person, Instant until) {
    }
}
