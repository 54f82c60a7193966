package io.vdibot.adapters.teams;

import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.Member;
import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.IdentityRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wrote an activity: activities carry only the Teams user id and the AAD object id, so the UPN (or e-mail) that
 * links the person to the directory is read from the conversation's roster and cached for a while. The identity is
 * {@code (TEAMS, AAD object id, UPN or e-mail, name)}; the core maps it to a directory user and refuses politely when
 * there is none.
 */
final class TeamsPeople {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsPeople.class);
    private static final Duration TTL = Duration.ofMinutes(15);

    private final ConnectorApi connector;
    private final Clock clock;
    private final Map<String, Cached> byUser = new ConcurrentHashMap<>();

    private record Cached(Member member, Instant until) {
    }

    TeamsPeople(ConnectorApi connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** The identity of the activity's author, or empty when Teams could not say who it is just now. */
    Optional<ChatIdentity> identify(InboundActivity activity) {
        Member member;
        try {
            member = member(activity);
        } catch (ConnectorException e) {
            LOG.warn("roster lookup of a Teams user failed: {}", e.getMessage());
            return Optional.empty();
        }
        String aad = activity.fromAadObjectId();
        String stableId = member != null && member.aadObjectId() != null ? member.aadObjectId()
                : aad != null ? aad : activity.fromId();
        String name = member != null && member.name() != null ? member.name() : activity.fromName();
        return Optional.of(new ChatIdentity(Platform.TEAMS, stableId, member == null ? null : member.directoryName(),
                name == null ? "" : name));
    }

    /**
     * Why the bot does not act for the activity's author whoever the directory says they are: a guest of the
     * organisation (Teams' {@code userRole} {@code guest}); empty otherwise, and when the roster cannot be read (then
     * {@link #identify} says so).
     */
    Optional<IdentityRefusal> refusal(InboundActivity activity) {
        try {
            Member member = member(activity);
            return member != null && member.guest() ? Optional.of(IdentityRefusal.GUEST) : Optional.empty();
        } catch (ConnectorException e) {
            return Optional.empty();
        }
    }

    /** The author's roster entry, cached; null when Teams does not know them. */
    private Member member(InboundActivity activity) throws ConnectorException {
        String key = activity.tenantId() + "/" + activity.fromId();
        Instant now = clock.instant();
        Cached cached = byUser.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.member();
        }
        Member member = connector.member(activity.address(), activity.fromId()).orElse(null);
        if (member != null) {
            byUser.put(key, new Cached(member, now.plus(TTL)));
        }
        return member;
    }
}
