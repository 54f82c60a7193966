package io.vdibot.adapters.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home openings: the Home tab is drawn from the core's answers to the commands of each {@link HomeBoard}
 * section, asked on the user's behalf.
 */
final class SlackHomeHandler implements SlackPayloadHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHomeHandler.class);

    private final HomeBoard home;
    private final CommandGateway gateway;
    private final SlackHandOver handOver;
    private final Clock clock;

    SlackHomeHandler(HomeBoard home, CommandGateway gateway, SlackHandOver handOver, Clock clock) {
        this.home = home;
        this.gateway = gateway;
        this.handOver = handOver;
        this.clock = clock;
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
        home.opened(user, person.locale());
        for (HomeBoard.Section section : HomeBoard.Section.values()) {
            gateway.submit(Envelope.ofText(person.identity(), SlackThreads.home(user, section.id()), section.command,
                    key + ":" + section.id(), clock.instant(), null, person.zone()));
        }
    }
}
