package io.vdibot.core.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.core.config.VdibotProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Someone without access is told the groups this installation maps to roles, and whom to ask. */
class AccessHowToTest {

    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);
    private static final Messages CHINESE = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);

    @Test
    void theDemoMappingNamesItsRequesterAndViewerGroups() {
        AccessHowTo howTo = new AccessHowTo(PermissionProperties.defaults(), new VdibotProperties.Access("", ""));
        assertThat(howTo.text(ENGLISH)).isEqualTo("Members of vdi-requesters may ask for desktops. Members of "
                + "vdi-viewers may look at the estate. To join, ask an administrator of VDI Bot. /vdi help shows what "
                + "the bot can do.");
        assertThat(howTo.text(CHINESE)).startsWith("vdi-requesters 的成员可以申请桌面。").contains("VDI Bot 的管理员");
    }

    @Test
    void groupsMappedByDnAreNamedByTheirCnAndTheContactIsTheInstallations() {
        PermissionProperties mapping = new PermissionProperties(Map.of(
                "cn=VDI Users,ou=it,dc=example,dc=com", List.of("requester"),
                "ad-vdi-leads", List.of("requester", "approver")), null);
        AccessHowTo howTo = new AccessHowTo(mapping, new VdibotProperties.Access("the service desk (ext. 4242)", ""));
        assertThat(howTo.text(ENGLISH)).isEqualTo("Members of ad-vdi-leads, vdi users may ask for desktops. To join, "
                + "ask the service desk (ext. 4242). /vdi help shows what the bot can do.");
    }

    @Test
    void anInstallationsOwnTextReplacesTheExplanation() {
        AccessHowTo howTo = new AccessHowTo(PermissionProperties.defaults(),
                new VdibotProperties.Access("", "  Open a ticket in the VDI queue.  "));
        assertThat(howTo.text(CHINESE)).isEqualTo("Open a ticket in the VDI queue.");
    }
}
