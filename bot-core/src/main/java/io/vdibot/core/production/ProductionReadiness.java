package io.vdibot.core.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * What production may not run with, read from the configuration alone (nothing has started yet): the demo's embedded
 * database, directory and simulated sites (unset properties, which the demo artifact would fill); a directory password sent in clear; a console that lets anyone be
 * anyone; a chat adapter open to any workspace or tenant; on-call mail sent without STARTTLS unless explicitly allowed.
 */
final class ProductionReadiness {

    private ProductionReadiness() {
    }

    /** One line per problem, each naming the property to set; empty when production may start. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (blank(env, "spring.datasource.url")) {
            problems.add("spring.datasource.url is not set: production does not run on the embedded MariaDB.");
        }
        if (blank(env, "vdibot.directory.url")) {
            problems.add("vdibot.directory.url is not set: production does not run on the embedded demo directory.");
        } else if (passwordInClear(env)) {
            problems.add("vdibot.directory.start-tls is not true: the bind password would cross the network in"
                    + " clear over ldap://; set it to true or use an ldaps:// URL.");
        }
        if (blank(env, "vdibot.sites[0].url")) {
            problems.add("vdibot.sites[0].url is not set: production does not run on simulated sites.");
        }
        if (fasterEngines(env)) {
            problems.add("vdibot.engine-time-scale is not 1: only simulated engines run faster than real ones; remove it.");
        }
        if (flag(env, "vdibot.console.enabled") && flag(env, "vdibot.console.allow-login")) {
            problems.add("vdibot.console.allow-login is true: in production the console acts only as"
                    + " vdibot.console.user; set it to false.");
        }
        if (slackOn(env) && blank(env, "vdibot.slack.allowed-team-ids")) {
            problems.add("vdibot.slack.allowed-team-ids is not set: the Slack adapter would answer any workspace.");
        }
        if (!blank(env, "vdibot.teams.app-id") && blank(env, "vdibot.teams.allowed-tenant-ids")) {
            problems.add("vdibot.teams.allowed-tenant-ids is not set: the Teams adapter would answer any tenant.");
        }
        if (!blank(env, "vdibot.mail.host") && !flag(env, "vdibot.mail.starttls") && !flag(env, "vdibot.mail.ssl")
                && !flag(env, "vdibot.mail.allow-plaintext")) {
            problems.add("vdibot.mail.starttls is not true: on-call mail (and any SMTP password) would cross the"
                    + " network in clear; set it (or vdibot.mail.ssl for a server on port 465) to true, or"
                    + " vdibot.mail.allow-plaintext=true for a relay that cannot.");
        }
        return List.copyOf(problems);
    }

    private static boolean passwordInClear(Environment env) {
        boolean password = !blank(env, "vdibot.directory.bind-password")
                || !blank(env, "vdibot.directory.bind-password-file");
        boolean plain = env.getProperty("vdibot.directory.url", "").trim().toLowerCase(Locale.ROOT).startsWith("ldap:");
        return password && plain && !flag(env, "vdibot.directory.start-tls");
    }

    private static boolean fasterEngines(Environment env) {
        try {
            return Double.parseDouble(env.getProperty("vdibot.engine-time-scale", "1").trim()) != 1;
        } catch (NumberFormatException e) {
            return false; // binding the properties reports it
        }
    }

    private static boolean slackOn(Environment env) {
        return !blank(env, "vdibot.slack.bot-token") || !blank(env, "vdibot.slack.bot-token-file");
    }

    private static boolean blank(Environment env, String property) {
        String value = env.getProperty(property);
        return value == null || value.isBlank();
    }

    private static boolean flag(Environment env, String property) {
        return "true".equalsIgnoreCase(env.getProperty(property, "").trim());
    }
}
