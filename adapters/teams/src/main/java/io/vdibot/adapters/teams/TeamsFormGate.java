package io.vdibot.adapters.teams;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a form card may be drawn for an activity's author. Form cards carry their pickers' choices (sites,
 * templates, groups, VMs), so before any is drawn — typed without arguments, reloaded, or drawn again with the
 * mistakes of a submission — the author must be known to Teams' roster and, says the core's {@link AccessCheck}, be a
 * directory user holding the form's command permission. The tenant and channel were checked before anything ran.
 */
final class TeamsFormGate {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsFormGate.class);

    private final TeamsPeople people;
    private final AccessCheck access;
    private final Locale fallback;

    TeamsFormGate(TeamsPeople people, AccessCheck access, Locale fallback) {
        this.people = people;
        this.access = access;
        this.fallback = fallback;
    }

    /**
     * Empty when the author of {@code activity} may see the form of {@code commandId}; else the one line that tells
     * them why not, in the words the core uses for the same refusal of a typed command.
     */
    Optional<String> refusal(InboundActivity activity, String commandId) {
        Locale locale = TeamsHandOver.locale(activity) != null ? TeamsHandOver.locale(activity) : fallback;
        Optional<IdentityRefusal> refused = people.refusal(activity);
        if (refused.isPresent()) {
            return Optional.of(Messages.forLocale(locale).format(refused.get().messageKey()));
        }
        Optional<ChatIdentity> identity = people.identify(activity);
        if (identity.isEmpty()) {
            return Optional.of(TeamsTexts.forLocale(locale).format("teams.identity.unavailable"));
        }
        AccessCheck.Verdict verdict = access.verdict(identity.get(), commandId);
        if (verdict.allowed()) {
            return Optional.empty();
        }
        LOG.info("form {} not drawn for Teams user {}: {}", commandId, identity.get().userId(), verdict);
        return Optional.of(Messages.forLocale(locale).format(verdict.messageKey()));
    }
}
