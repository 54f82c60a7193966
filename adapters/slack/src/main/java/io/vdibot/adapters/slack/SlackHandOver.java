package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.RecentKeys;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler does after its ack: drop what was seen already, look the person up, and hand the request to the
 * core on the adapter's workers. Every hand-over carries an idempotency key made from the payload itself (trigger
 * id, message ts, view id), so Slack's redeliveries and double clicks carry the key of the original and never act
 * twice; a key whose hand-over failed is forgotten, so the user can try again.
 */
final class SlackHandOver {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHandOver.class);
    /** Events API retries come after 1 and 5 minutes. */
    static final Duration KEY_TTL = Duration.ofMinutes(15);
    static final Duration CLICK_TTL = Duration.ofSeconds(30);

    private final SlackApi api;
    private final SlackSettings settings;
    private final SlackPeople people;
    private final SlackAdmissions admissions;
    private final CommandGateway gateway;
    private final RecentKeys recent;
    private final Executor work;
    private final Clock clock;

    SlackHandOver(SlackApi api, SlackSettings settings, SlackPeople people, SlackAdmissions admissions,
                  CommandGateway gateway, RecentKeys recent, Executor work, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.people = people;
        this.admissions = admissions;
        this.gateway = gateway;
        this.recent = recent;
        this.work = work;
        this.clock = clock;
    }

    /** True the first time {@code key} is offered within {@code ttl}. */
    boolean firstSeen(String key, Duration ttl) {
        return recent.firstSeen(key, ttl);
    }

    /** Forgets {@code key} when what it stood for did not happen and may be tried again. */
    void forget(String key) {
        recent.forget(key);
    }

    /** Runs {@code task} on the adapter's workers, after the ack. */
    void later(Runnable task) {
        work.execute(task);
    }

    void submitText(String user, ThreadRef thread, String text, String key) {
        SlackPeople.SlackPerson person = person(user, thread, key);
        if (person != null) {
            gateway.submit(Envelope.ofText(person.identity(), thread, text, key, clock.instant(), null,
                    person.zone()));
        }
    }

    void submitForm(String user, ThreadRef thread, String formId, Map<String, String> values, String key) {
        SlackPeople.SlackPerson person = person(user, thread, key);
        if (person != null) {
            gateway.submit(Envelope.ofForm(person.identity(), thread, formId, values, key, clock.instant(), null,
                    person.zone()));
        }
    }

    /** Tells {@code user} alone: through the slash command's response URL, else as an ephemeral message. */
    void tell(ThreadRef thread, String user, String text) {
        List<LayoutBlock> blocks = List.of(SectionBlock.builder().text(BlockKitRenderer.plain(text)).build());
        try {
            String responseUrl = thread.extras().get(SlackThreads.RESPONSE_URL);
            if (responseUrl != null) {
                api.respond(responseUrl, true, text, blocks);
            } else if (!SlackThreads.HOME_CHANNEL.equals(thread.channelId())) {
                api.postEphemeral(thread.channelId(), user, thread.threadId(), text, blocks);
            }
        } catch (SlackCallException e) {
            LOG.warn("could not tell {}: {}", user, e.error());
        }
    }

    /** The verdict on {@code user}, for what is shown before anything is handed over (a modal). */
    SlackAdmissions.Admission admit(String user) {
        return admissions.admit(user);
    }

    /** The verdict on {@code user} for the form of {@code commandId}, which lists inventory: Slack's and the core's. */
    SlackAdmissions.Admission admit(String user, String commandId) {
        return admissions.admit(user, commandId);
    }

    /** The adapter's words in {@code user}'s language, or the configured one when Slack cannot tell. */
    SlackTexts texts(String user) {
        try {
            SlackPeople.SlackPerson person = people.lookup(user);
            return SlackTexts.forLocale(person.locale() != null ? person.locale() : settings.locale());
        } catch (SlackCallException e) {
            return SlackTexts.forLocale(settings.locale());
        }
    }

    /**
     * The person behind a user id when the adapter may act for them. Otherwise they are told why, privately, and
     * nothing is handed over; when Slack could not say who it is, the key is forgotten so that trying again works,
     * while a refusal keeps it, so that a redelivery is not refused a second time.
     */
    private SlackPeople.SlackPerson person(String user, ThreadRef thread, String key) {
        SlackAdmissions.Admission admission = admissions.admit(user);
        if (admission.admitted()) {
            return admission.person();
        }
        if (admission.person() == null) {
            recent.forget(key);
        }
        tell(thread, user, admission.refusal());
        return null;
    }
}
