package io.vdibot.adapters.slack;

import io.vdibot.commands.port.IdentityRefusal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the bot through Slack, as far as Slack itself can say: requests from the workspaces (or Enterprise Grid
 * organisations) the bot serves, by members of them. Guests, people from other organisations and accounts whose
 * e-mail address is unconfirmed are refused unless a setting admits them; deactivated accounts and bots always are.
 * The e-mail address matters because it is the key to the directory entry and its roles: an unconfirmed one could
 * be someone else's.
 *
 * @param allowedTeamIds        workspace ({@code T…}) and organisation ({@code E…}) ids; empty accepts every
 *                              workspace, which only a demo should do
 * @param allowGuests           admit restricted and ultra-restricted (single-channel) guests
 * @param allowExternal         admit people of another organisation ({@code is_stranger}, Slack Connect)
 * @param allowUnconfirmedEmail admit accounts whose e-mail address Slack reports as unconfirmed
 */
public record SlackAccess(Set<String> allowedTeamIds, boolean allowGuests, boolean allowExternal,
                          boolean allowUnconfirmedEmail) {

    static final String ALLOWED_TEAM_IDS = "vdibot.slack.allowed-team-ids";

    public SlackAccess {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : allowedTeamIds == null ? Set.<String>of() : allowedTeamIds) {
            if (id != null && !id.isBlank()) {
                ids.add(id.trim());
            }
        }
        allowedTeamIds = Set.copyOf(ids);
    }

    /** Every workspace, members only: the demo default. */
    public static SlackAccess anyWorkspace() {
        return new SlackAccess(Set.of(), false, false, false);
    }

    /** Members of these workspaces or organisations only. */
    public static SlackAccess onlyTeams(Collection<String> teamOrEnterpriseIds) {
        return new SlackAccess(Set.copyOf(teamOrEnterpriseIds), false, false, false);
    }

    public SlackAccess admitting(boolean guests, boolean external, boolean unconfirmedEmail) {
        return new SlackAccess(allowedTeamIds, guests, external, unconfirmedEmail);
    }

    /**
     * Whether a request from this workspace (and, on Enterprise Grid, organisation) is served. With no ids
     * configured every workspace is; otherwise the workspace or its organisation must be named.
     */
    public boolean servesTeam(String teamId, String enterpriseId) {
        if (allowedTeamIds.isEmpty()) {
            return true;
        }
        return (teamId != null && allowedTeamIds.contains(teamId))
                || (enterpriseId != null && allowedTeamIds.contains(enterpriseId));
    }

    /** Why {@code person} may not use the bot, or empty when they may. */
    public Optional<IdentityRefusal> refusal(SlackPeople.SlackPerson person) {
        if (person.inactive()) {
            return Optional.of(IdentityRefusal.INACTIVE);
        }
        if (person.external() && !allowExternal) {
            return Optional.of(IdentityRefusal.EXTERNAL);
        }
        if (person.guest() && !allowGuests) {
            return Optional.of(IdentityRefusal.GUEST);
        }
        if (!person.emailConfirmed() && !allowUnconfirmedEmail) {
            return Optional.of(IdentityRefusal.UNCONFIRMED_EMAIL);
        }
        return Optional.empty();
    }

    /** What production mode needs and this lacks, one line each naming the property; empty when nothing. */
    public List<String> productionProblems() {
        return allowedTeamIds.isEmpty()
                ? List.of(ALLOWED_TEAM_IDS + " is required in production mode: name the Slack workspace (T…) or "
                        + "Enterprise Grid organisation (E…) ids the bot serves")
                : List.of();
    }
}
