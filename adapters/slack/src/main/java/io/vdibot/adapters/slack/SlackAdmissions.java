package io.vdibot.adapters.slack;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the adapter acts for a Slack user at all: who Slack says they are ({@link SlackPeople}, cached), judged by
 * the settings' {@link SlackAccess}. Every path that hands something to the core, fills a form or lists inventory
 * asks here first; the core then maps the admitted person's e-mail address to the directory. What shows inventory
 * before anything is submitted (a form, its pickers) also asks the core's {@link AccessCheck} for its command, since
 * Slack's word that someone is a member says nothing about their place in the directory.
 */
final class SlackAdmissions {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdmissions.class);

    private final SlackPeople people;
    private final SlackSettings settings;
    private final AccessCheck access;

    SlackAdmissions(SlackPeople people, SlackSettings settings, AccessCheck access) {
        this.people = people;
        this.settings = settings;
        this.access = access;
    }

    /**
     * The verdict on {@code user}: their person when admitted, else the one line that tells them why not, in their
     * language when Slack gives it. Never throws: when Slack cannot say who it is, nobody is admitted.
     */
    Admission admit(String user) {
        SlackPeople.SlackPerson person;
        try {
            person = people.lookup(user);
        } catch (SlackCallException e) {
            LOG.warn("users.info for {} failed: {}", user, e.error());
            return new Admission(null, SlackTexts.forLocale(settings.locale()).format("slack.identity.unavailable"));
        }
        Optional<IdentityRefusal> refusal = settings.access().refusal(person);
        if (refusal.isEmpty()) {
            return new Admission(person, null);
        }
        LOG.info("Slack user {} refused: {}", user, refusal.get());
        return new Admission(person, Messages.forLocale(locale(person)).format(refusal.get().messageKey()));
    }

    /**
     * The verdict on {@code user} for what command {@code commandId} shows before it is submitted (its form, its
     * pickers): admitted by Slack as {@link #admit(String)}, and known to the directory with the command's permission.
     * A refusal by the core reads as the core's own refusal of the typed command.
     */
    Admission admit(String user, String commandId) {
        Admission admission = admit(user);
        if (!admission.admitted()) {
            return admission;
        }
        AccessCheck.Verdict verdict = access.verdict(admission.person().identity(), commandId);
        if (verdict.allowed()) {
            return admission;
        }
        LOG.info("Slack user {} shown nothing of {}: {}", user, commandId, verdict);
        return new Admission(admission.person(),
                Messages.forLocale(locale(admission.person())).format(verdict.messageKey()));
    }

    /** The core's verdict on an admitted person for {@code commandId}, for callers that show several commands. */
    AccessCheck.Verdict verdict(SlackPeople.SlackPerson person, String commandId) {
        return access.verdict(person.identity(), commandId);
    }

    /** The person's Slack language, or the configured one when Slack does not say. */
    Locale locale(SlackPeople.SlackPerson person) {
        return person != null && person.locale() != null ? person.locale() : settings.locale();
    }

    /**
     * @param person  who Slack says the user is; {@code null} when it could not say
     * @param refusal the line to show the user when they are not admitted; {@code null} when they are
     */
    record Admission(SlackPeople.SlackPerson person, String refusal) {

        boolean admitted() {
            return refusal == null;
        }
    }
}
