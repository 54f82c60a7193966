package io.vdibot.core.permission;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;

/** Tells a group mapped by its full DN from one mapped by name, in the form the directory's DNs are compared in. */
final class GroupDns {

    private GroupDns() {
    }

    /** The normalized DN when {@code group} is one ({@code cn=vdi-admins,ou=groups,…}); empty for a plain name. */
    static Optional<String> normalizedIfDn(String group) {
        if (group.indexOf('=') < 0) {
            return Optional.empty();
        }
        try {
            DN dn = new DN(group);
            return dn.isNullDN() ? Optional.empty() : Optional.of(dn.toNormalizedString());
        } catch (LDAPException notADn) {
            return Optional.empty();
        }
    }
}
