package io.vdibot.adapters.slack;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.IdentityRefusal;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the adapter acts for a Slack user at all: who Slack says they are ({@link SlackPeople}, cached), judged by
 * the settings' {@link SlackAccess}. Every path that hands something to the core, fills a form or lists inventory
 * asks here first; the core then maps the admitted person's e-mail address to the directory.
 */
final class SlackAdmissions {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdmissions.class);

    private final SlackPeople people;
    private final SlackSettings settings;

    SlackAdmissions(SlackPeople people, SlackSettings settings) {
        this.people = people;
        this.settings = settings;
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
        Locale locale = person.locale() != null ? person.locale() : settings.locale();
        return new Admission(person, Messages.forLocale(locale).format(refusal.get().messageKey()));
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
