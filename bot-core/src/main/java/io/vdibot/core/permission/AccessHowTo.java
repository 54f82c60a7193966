package io.vdibot.core.permission;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.core.config.VdibotProperties;
import java.util.List;
import java.util.Map;

/**
 * What someone the bot does not act for is told after the refusal: which directory groups give access (read from the
 * group mapping, so it names the groups this installation uses) and whom to ask; or the installation's own text.
 */
public final class AccessHowTo {

    private final List<String> requesterGroups;
    private final List<String> viewerGroups;
    private final VdibotProperties.Access settings;

    public AccessHowTo(PermissionProperties permissions, VdibotProperties.Access settings) {
        this.requesterGroups = groupsGranting(permissions.groupRoles(), Roles.REQUESTER);
        this.viewerGroups = groupsGranting(permissions.groupRoles(), Roles.VIEWER);
        this.settings = settings;
    }

    /** The explanation in {@code messages}' language (the configured text as written, when there is one). */
    public String text(Messages messages) {
        if (!settings.howTo().isBlank()) {
            return settings.howTo().strip();
        }
        String contact = settings.contact().isBlank() ? messages.format("reply.access.contact")
                : settings.contact().strip();
        if (requesterGroups.isEmpty() && viewerGroups.isEmpty()) {
            return messages.format("reply.access.ask", contact);
        }
        return messages.format("reply.access.groups", String.join(", ", requesterGroups),
                String.join(", ", viewerGroups), contact, requesterGroups.isEmpty() ? 0 : 1,
                viewerGroups.isEmpty() ? 0 : 1);
    }

    /** The groups mapped to {@code role}, sorted; a group mapped by DN is named by its first value (its CN). */
    private static List<String> groupsGranting(Map<String, List<String>> groupRoles, String role) {
        return groupRoles.entrySet().stream().filter(entry -> entry.getValue().contains(role))
                .map(entry -> shortName(entry.getKey())).sorted().toList();
    }

    private static String shortName(String group) {
        if (group.indexOf('=') < 0) {
            return group;
        }
        try {
            DN dn = new DN(group);
            return dn.isNullDN() ? group : dn.getRDN().getAttributeValues()[0];
        } catch (LDAPException notADn) {
            return group;
        }
    }
}
