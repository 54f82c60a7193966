package io.vdibot.adapters.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.port.ThreadRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands typed as text: the {@code /vdi} slash command, mentions of the bot and direct messages to it. The text
 * goes to the core as it is; a command typed without arguments opens its form instead.
 */
final class SlackCommandHandler implements SlackPayloadHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandHandler.class);

    private final SlackSettings settings;
    private final CommandForms commandForms;
    private final SlackForms forms;
    private final SlackHandOver handOver;

    SlackCommandHandler(SlackSettings settings, CommandForms commandForms, SlackForms forms, SlackHandOver handOver) {
        this.settings = settings;
        this.commandForms = commandForms;
        this.forms = forms;
        this.handOver = handOver;
    }

    @Override
    public void register(App app) {
        app.command(SlackForms.COMMAND, this::onCommand);
        app.event(AppMentionEvent.class, this::onMention);
        app.event(MessageEvent.class, this::onDirectMessage);
    }

    Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        String text = SlackText.plain(p.getText()).strip();
        String key = "slack:cmd:" + p.getTriggerId();
        if (!handOver.firstSeen(key, SlackHandOver.KEY_TTL)) {
            return ctx.ack();
        }
        String typed = SlackForms.COMMAND + " " + text;
        Optional<FormSpec> form = commandForms.withoutArguments(text);
        if (form.isPresent()) {
            handOver.later(() -> forms.open(p.getTriggerId(), form.get(), p.getUserId(), p.getChannelId(), null,
                    p.getResponseUrl(), typed));
            return ctx.ack();
        }
        ThreadRef thread = SlackThreads.conversation(p.getChannelId(), null, p.getUserId(), p.getResponseUrl());
        handOver.later(() -> handOver.submitText(p.getUserId(), thread, text, key));
        String echo = SlackTexts.forLocale(settings.locale()).format("slack.received", typed);
        return ctx.ack(r -> r.responseType("ephemeral").text(BlockKitRenderer.escapeCode(echo)));
    }

    Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getUser() == null) {
            return ctx.ack();
        }
        // Slash commands do not work in threads; a mention does, and answers go to the thread it was made in.
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        onMessage(event.getChannel(), event.getTs(), thread, event.getUser(),
                SlackText.withoutLeadingMentions(event.getText()), ctx.getRetryNum());
        return ctx.ack();
    }

    Response onDirectMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (!"im".equals(event.getChannelType()) || event.getSubtype() != null || event.getBotId() != null
                || event.getUser() == null) {
            return ctx.ack();
        }
        onMessage(event.getChannel(), event.getTs(), event.getThreadTs(), event.getUser(),
                SlackText.withoutLeadingMentions(event.getText()), ctx.getRetryNum());
        return ctx.ack();
    }

    private void onMessage(String channel, String ts, String threadTs, String user, String text, Integer retry) {
        // the message's own channel and ts: the same for every redelivery, and for the same message arriving both
        // as a mention and as a direct message
        String key = "slack:msg:" + channel + ":" + ts;
        if (!handOver.firstSeen(key, SlackHandOver.KEY_TTL)) {
            LOG.debug("redelivery {} of message {} ignored", retry, ts);
            return;
        }
        ThreadRef thread = SlackThreads.conversation(channel, threadTs, user, null);
        Optional<FormSpec> form = commandForms.withoutArguments(text);
        if (form.isPresent()) {
            handOver.later(() -> forms.offer(thread, form.get(), user));
            return;
        }
        handOver.later(() -> handOver.submitText(user, thread, text, key));
    }
}
