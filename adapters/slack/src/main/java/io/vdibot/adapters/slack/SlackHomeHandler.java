package io.vdibot.adapters.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.Resolution;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home openings: the Home tab is drawn from the core's answers to the commands of each {@link HomeBoard}
 * section, asked on the user's behalf. A section is asked for only when the core says the user may use its command
 * ({@link AccessCheck}), so the estate's names reach nobody the core would refuse; someone the directory does not
 * know, or who may see no section, gets one line instead of the tab.
 */
final class SlackHomeHandler implements SlackPayloadHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHomeHandler.class);

    private final HomeBoard home;
    private final CommandGateway gateway;
    private final SlackHandOver handOver;
    private final SlackAdmissions admissions;
    private final Map<HomeBoard.Section, String> commandIds = new EnumMap<>(HomeBoard.Section.class);
    private final Clock clock;

    SlackHomeHandler(HomeBoard home, CommandGateway gateway, SlackHandOver handOver, SlackAdmissions admissions,
                     CommandRegistry registry, Clock clock) {
        this.home = home;
        this.gateway = gateway;
        this.handOver = handOver;
        this.admissions = admissions;
        this.clock = clock;
        for (HomeBoard.Section section : HomeBoard.Section.values()) {
            if (!(registry.resolve(section.command) instanceof Resolution.Resolved resolved)) {
                throw new IllegalStateException("no command for the home section " + section.command);
            }
            commandIds.put(section, resolved.spec().id());
        }
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, this::onHomeOpened);
    }

    Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || event.getUser() == null) {
            return ctx.ack();
        }
        String key = "slack:home:" + event.getUser() + ":" + event.getEventTs();
        if (handOver.firstSeen(key, SlackHandOver.KEY_TTL)) {
            handOver.later(() -> refresh(event.getUser(), key));
        }
        return ctx.ack();
    }

    private void refresh(String user, String key) {
        SlackAdmissions.Admission admission = handOver.admit(user);
        if (!admission.admitted()) {
            // App Home has no place for a private answer; the refusal is logged by the admission.
            if (admission.person() == null) {
                handOver.forget(key);
            }
            LOG.info("home tab of {} not drawn", user);
            return;
        }
        SlackPeople.SlackPerson person = admission.person();
        Locale locale = admissions.locale(person);
        Set<HomeBoard.Section> shown = EnumSet.noneOf(HomeBoard.Section.class);
        for (HomeBoard.Section section : HomeBoard.Section.values()) {
            AccessCheck.Verdict verdict = admissions.verdict(person, commandIds.get(section));
            if (verdict.allowed()) {
                shown.add(section);
            } else if (verdict != AccessCheck.Verdict.DENIED) {
                // unknown to the directory, or it cannot say: so for every section; told in the core's words
                home.closed(user, locale, Messages.forLocale(locale).format(verdict.messageKey()));
                return;
            }
        }
        if (shown.isEmpty()) {
            home.closed(user, locale, SlackTexts.forLocale(locale).format("slack.home.no-access"));
            return;
        }
        home.opened(user, locale, shown);
        for (HomeBoard.Section section : shown) {
            gateway.submit(Envelope.ofText(person.identity(), SlackThreads.home(user, section.id()), section.command,
                    key + ":" + section.id(), clock.instant(), null, person.zone()));
        }
    }
}
