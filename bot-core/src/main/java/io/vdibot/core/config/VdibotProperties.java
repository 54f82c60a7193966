package io.vdibot.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's own settings ({@code vdibot.*}). The sites (with the directory and the database, which are not here) have
 * no default: the bot does not start without them, and the demo artifact supplies its own.
 *
 * @param nodeId        this process's name among the bot processes sharing a database; empty = generated
 * @param sites         the engines, one per site; the first is the default site
 * @param engineTimeScale how fast the engines are compared to real ones: pool tasks' waits and timeouts are scaled by
 *                      it. 1 for real engines; the demo's simulated sites run faster
 * @param approval      which requests wait for an approver
 * @param defaultZone   time zone for users whose directory entry has none
 * @param defaultLocale language for users whose directory entry has none
 * @param progressInterval at most one progress update per thread in this interval
 * @param console       the console adapter
 * @param execution     task execution and recovery timing
 * @param leases        how tasks wait for what another task holds
 * @param access        what someone without access is told after the refusal
 * @param oncall        how the on-call people are told
 */
@ConfigurationProperties("vdibot")
public record VdibotProperties(
        @DefaultValue("") String nodeId,
        List<Site> sites,
        @DefaultValue("1") double engineTimeScale,
        @DefaultValue Approval approval,
        @DefaultValue("UTC") ZoneId defaultZone,
        @DefaultValue("en") Locale defaultLocale,
        @DefaultValue("3s") Duration progressInterval,
        @DefaultValue Console console,
        @DefaultValue Execution execution,
        @DefaultValue Leases leases,
        @DefaultValue Access access,
        @DefaultValue OnCall oncall) {

    public VdibotProperties {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /** The language of on-call notices: {@code vdibot.oncall.locale}, else the default locale. */
    public Locale onCallLocale() {
        return oncall.locale() != null ? oncall.locale() : defaultLocale;
    }

    /**
     * @param locale the language of on-call notices; unset: {@code default-locale}. A platform's on-call channel may
     *               have its own ({@code vdibot.slack.oncall-channel-locale}, {@code vdibot.teams.oncall-locale})
     */
    public record OnCall(Locale locale) {
    }

    /**
     * One engine. The password is a secret: it never appears in logs or in {@link #toString()}.
     *
     * @param password     the engine password inline ({@code VDIBOT_SITES_0_PASSWORD})
     * @param passwordFile a file holding it instead (a mounted secret, a systemd credential); the inline value wins
     */
    public record Site(String name, String url, Path caFile, @DefaultValue("admin@internal") String username,
            String password, Path passwordFile) {
        @Override
        public String toString() {
            return "Site[name=" + name + ", url=" + url + ", caFile=" + caFile + ", username=" + username
                    + ", password=" + (password == null ? "unset" : "***") + ", passwordFile=" + passwordFile + "]";
        }
    }

    /**
     * @param commands          command ids that always need an approver
     * @param poolSizeThreshold pool creations and resizes above this many VMs need an approver
     * @param initScripts       a VM created with an {@code init=} script (run as root in the guest) needs an approver
     * @param poolShrink        a resize that makes a pool smaller (deleting VMs people may be using) needs an approver
     * @param remindAfter       a request still waiting this long after it was asked, or after its last reminder,
     *                          reminds the approvers' channel
     * @param expireAfter       a request still waiting this long ends as expired, without running
     */
    public record Approval(
            @DefaultValue({"template.migrate", "pool.delete", "pool.revoke", "vm.restore"}) Set<String> commands,
            @DefaultValue("50") int poolSizeThreshold, @DefaultValue("true") boolean initScripts,
            @DefaultValue("true") boolean poolShrink, @DefaultValue("4h") Duration remindAfter,
            @DefaultValue("3d") Duration expireAfter) {

        public Approval {
            if (remindAfter.isNegative() || remindAfter.isZero() || expireAfter.isNegative() || expireAfter.isZero()) {
                throw new IllegalArgumentException("vdibot.approval.remind-after and expire-after must be positive");
            }
        }
    }

    /**
     * @param enabled     read commands from standard input
     * @param user        the acting user at start
     * @param idleTimeout at end of input, how long to wait for running tasks before exiting
     * @param allowLogin  {@code /login} changes the console's acting user (the demo turns it on: anyone may be anyone in its directory)
     */
    public record Console(@DefaultValue("true") boolean enabled, @DefaultValue("alice") String user,
            @DefaultValue("30m") Duration idleTimeout, @DefaultValue("false") boolean allowLogin) {
    }

    /**
     * What someone the bot does not act for (not in the directory, or in no group that has a role) is told after the
     * refusal: which groups give access, and whom to ask.
     *
     * @param contact whom to ask, as written (e.g. {@code the service desk, extension 4242}); empty: "an
     *                administrator of VDI Bot" in the reader's language
     * @param howTo   a text that replaces the whole explanation, as written; empty: the groups the configuration maps
     *                to the requester and viewer roles, and the contact
     */
    public record Access(@DefaultValue("") String contact, @DefaultValue("") String howTo) {
    }

    /**
     * @param workers         tasks run at the same time by this process
     * @param heartbeat       how often a running task's node says it is alive
     * @param staleAfter      a running task whose node has been silent this long is taken over
     * @param lateAfter       a task starting this much after its time says in its thread that it ran late
     */
    public record Execution(@DefaultValue("8") int workers, @DefaultValue("10s") Duration heartbeat,
            @DefaultValue("45s") Duration staleAfter, @DefaultValue("1m") Duration lateAfter) {
    }

    /**
     * A task that needs what another task holds (the same pool, VM or template; a shared export domain) waits.
     *
     * @param waitMax the longest a task waits before it fails, saying what it waited for
     * @param poll    how often waiting tasks are looked at (a lease released on this node wakes them at once)
     */
    public record Leases(@DefaultValue("2h") Duration waitMax, @DefaultValue("5s") Duration poll) {
    }
}
