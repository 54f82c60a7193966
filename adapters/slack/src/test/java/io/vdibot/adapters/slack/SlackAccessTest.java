package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@link SlackAccess} lets through, judged on user objects in the shape {@code users.info} returns them, and what
 * production mode asks of it.
 */
class SlackAccessTest {

    private static final SlackAccess STRICT = SlackAccess.onlyTeams(List.of("T0001", "E0ORG"));

    private static SlackPeople.SlackPerson person(String extraFields) {
        // users.info's fields as Slack documents them; each test adds the flags it is about
        JsonObject user = JsonParser.parseString("{\"id\":\"U1\",\"team_id\":\"T0001\",\"name\":\"sam\","
                + "\"real_name\":\"Sam\",\"tz\":\"Europe/Paris\",\"is_admin\":false,"
                + "\"is_owner\":false,\"is_app_user\":false,\"updated\":1502138686,"
                + "\"profile\":{\"real_name\":\"Sam\",\"display_name\":\"sam\",\"email\":\"sam@vdibot.example\"}"
                + extraFields + "}").getAsJsonObject();
        return SlackPeople.SlackPerson.of("U1", user);
    }

    @Test
    void onlyTheNamedWorkspacesOrOrganisationsAreServed() {
        assertThat(STRICT.servesTeam("T0001", null)).isTrue();
        assertThat(STRICT.servesTeam("T0OTHER", "E0ORG")).as("a workspace of the named organisation").isTrue();
        assertThat(STRICT.servesTeam("T0OTHER", null)).isFalse();
        assertThat(STRICT.servesTeam("T0OTHER", "E0OTHER")).isFalse();
        assertThat(STRICT.servesTeam(null, null)).as("a payload that names no team").isFalse();
        assertThat(SlackAccess.anyWorkspace().servesTeam("T0OTHER", null)).as("demo: every workspace").isTrue();
    }

    @Test
    void idsAreTrimmedAndBlanksIgnored() {
        SlackAccess access = SlackAccess.onlyTeams(List.of(" T0001 ", "", " "));
        assertThat(access.allowedTeamIds()).containsExactly("T0001");
        assertThat(SlackAccess.onlyTeams(List.of(" ")).productionProblems()).hasSize(1);
    }

    @Test
    void aMemberWithoutTheConfirmationFieldIsAdmitted() {
        // users.info's typical answer has no is_email_confirmed at all
        assertThat(STRICT.refusal(person(""))).isEmpty();
        assertThat(STRICT.refusal(person(",\"is_email_confirmed\":true"))).isEmpty();
    }

    @Test
    void guestsExternalPeopleUnconfirmedAddressesDeactivatedAccountsAndBotsAreRefusedEachForItsReason() {
        assertThat(STRICT.refusal(person(",\"is_restricted\":true"))).contains(IdentityRefusal.GUEST);
        assertThat(STRICT.refusal(person(",\"is_restricted\":true,\"is_ultra_restricted\":true")))
                .contains(IdentityRefusal.GUEST);
        assertThat(STRICT.refusal(person(",\"is_stranger\":true"))).contains(IdentityRefusal.EXTERNAL);
        assertThat(STRICT.refusal(person(",\"is_email_confirmed\":false")))
                .contains(IdentityRefusal.UNCONFIRMED_EMAIL);
        assertThat(STRICT.refusal(person(",\"deleted\":true"))).contains(IdentityRefusal.INACTIVE);
        assertThat(STRICT.refusal(person(",\"is_bot\":true"))).contains(IdentityRefusal.INACTIVE);
        assertThat(STRICT.refusal(person(",\"is_workflow_bot\":true"))).contains(IdentityRefusal.INACTIVE);
    }

    @Test
    void eachSettingAdmitsOnlyWhatItNames() {
        SlackAccess guests = STRICT.admitting(true, false, false);
        assertThat(guests.refusal(person(",\"is_restricted\":true"))).isEmpty();
        assertThat(guests.refusal(person(",\"is_stranger\":true"))).contains(IdentityRefusal.EXTERNAL);

        SlackAccess external = STRICT.admitting(false, true, false);
        assertThat(external.refusal(person(",\"is_stranger\":true"))).isEmpty();
        assertThat(external.refusal(person(",\"is_email_confirmed\":false")))
                .contains(IdentityRefusal.UNCONFIRMED_EMAIL);

        SlackAccess unconfirmed = STRICT.admitting(false, false, true);
        assertThat(unconfirmed.refusal(person(",\"is_email_confirmed\":false"))).isEmpty();
        assertThat(unconfirmed.refusal(person(",\"is_ultra_restricted\":true"))).contains(IdentityRefusal.GUEST);

        SlackAccess everything = STRICT.admitting(true, true, true);
        assertThat(everything.refusal(person(",\"deleted\":true"))).as("no setting admits a deactivated account")
                .contains(IdentityRefusal.INACTIVE);
        assertThat(everything.refusal(person(",\"is_bot\":true"))).as("nor a bot").contains(IdentityRefusal.INACTIVE);
    }

    @Test
    void theRestOfThePersonIsReadAsBefore() {
        SlackPeople.SlackPerson sam = person(",\"locale\":\"zh-CN\"");
        assertThat(sam.email()).isEqualTo("sam@vdibot.example");
        assertThat(sam.displayName()).isEqualTo("sam");
        assertThat(sam.zone()).hasToString("Europe/Paris");
        assertThat(sam.locale().getLanguage()).isEqualTo("zh");
        assertThat(person(",\"is_bot\":true").email()).as("a bot has no directory key").isNull();
    }

    @Test
    void productionModeNeedsTheWorkspacesNamed() {
        assertThat(STRICT.productionProblems()).isEmpty();
        assertThat(SlackAccess.anyWorkspace().productionProblems()).singleElement().asString()
                .startsWith("vdibot.slack.allowed-team-ids is required in production mode").doesNotContain("\n");
        SlackSettings demo = SlackSettings.of(SlackSettings.Mode.HTTP, "xoxb-1", "secret", null, null, null);
        assertThat(demo.productionProblems()).hasSize(1);
        assertThat(demo.withAccess(SlackAccess.onlyTeams(Set.of("T0001"))).productionProblems()).isEmpty();
    }
}
