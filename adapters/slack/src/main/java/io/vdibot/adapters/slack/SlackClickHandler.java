package io.vdibot.adapters.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.vdibot.adapters.common.CommandForms;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons ({@code block_actions}): Approve and Reject on approval cards, the button that opens a form inside a
 * thread, and every other command button ({@code cmd.<id>}), which submits the command's words and the button's
 * value. A click is handed over as the text it stands for, so the core parses and authorises it like typing it.
 */
final class SlackClickHandler implements SlackPayloadHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackClickHandler.class);

    private final SlackApi api;
    private final CommandRegistry registry;
    private final FormModals modals;
    private final ApprovalCards cards;
    private final CommandForms commandForms;
    private final SlackForms forms;
    private final SlackHandOver handOver;

    SlackClickHandler(SlackApi api, CommandRegistry registry, FormModals modals, ApprovalCards cards,
                      CommandForms commandForms, SlackForms forms, SlackHandOver handOver) {
        this.api = api;
        this.registry = registry;
        this.modals = modals;
        this.cards = cards;
        this.commandForms = commandForms;
        this.forms = forms;
        this.handOver = handOver;
    }

    @Override
    public void register(App app) {
        app.blockAction(Action.APPROVE, this::onApprove);
        app.blockAction(Action.REJECT, this::onReject);
        app.blockAction(SlackForms.OPEN_FORM, this::onOpenForm);
        app.blockAction(Pattern.compile("^" + Pattern.quote(BlockKitRenderer.COMMAND_ACTION_PREFIX) + ".+$"),
                this::onCommandButton);
    }

    Response onApprove(BlockActionRequest request, ActionContext ctx) {
        SlackClick click = approvalClick(request, Action.APPROVE);
        if (click != null) {
            ThreadRef thread = SlackThreads.click(click.channel(), click.messageTs(), click.user(), Action.APPROVE,
                    click.responseUrl());
            handOver.later(() -> handOver.submitText(click.user(), thread, "approve " + click.value(),
                    click.key(Action.APPROVE)));
        }
        return ctx.ack();
    }

    /** Reject asks for a reason first, in a modal; its submission is handed over. */
    Response onReject(BlockActionRequest request, ActionContext ctx) {
        SlackClick click = approvalClick(request, Action.REJECT);
        if (click != null) {
            String trigger = request.getPayload().getTriggerId();
            handOver.later(() -> askReason(trigger, click));
        }
        return ctx.ack();
    }

    Response onCommandButton(BlockActionRequest request, ActionContext ctx) {
        SlackClick click = SlackClick.of(request.getPayload());
        Optional<CommandSpec<?>> spec = click == null ? Optional.empty() : registry.find(
                click.actionId().substring(BlockKitRenderer.COMMAND_ACTION_PREFIX.length()));
        if (spec.isEmpty()) {
            return ctx.ack();
        }
        String key = click.key(click.actionId() + ":" + click.value());
        if (handOver.firstSeen(key, SlackHandOver.CLICK_TTL)) {
            ThreadRef thread = SlackThreads.conversation(click.channel(), click.threadTs(), click.user(),
                    click.responseUrl());
            String line = spec.get().wordsText() + " " + click.value();
            handOver.later(() -> handOver.submitText(click.user(), thread, line, key));
        }
        return ctx.ack();
    }

    Response onOpenForm(BlockActionRequest request, ActionContext ctx) {
        SlackClick click = SlackClick.of(request.getPayload());
        Optional<FormSpec> form = click == null ? Optional.empty() : commandForms.of(click.value());
        if (form.isPresent()) {
            String trigger = request.getPayload().getTriggerId();
            handOver.later(() -> forms.open(trigger, form.get(), click.user(), click.channel(), click.threadTs(),
                    click.responseUrl(), forms.typed(form.get())));
        }
        return ctx.ack();
    }

    /** A first click on an approval card's button, its card remembered to redraw once decided; else null. */
    private SlackClick approvalClick(BlockActionRequest request, String verb) {
        SlackClick click = SlackClick.of(request.getPayload());
        if (click == null || !ApprovalCards.isTaskCode(click.value())
                || !handOver.firstSeen(click.key(verb), SlackHandOver.CLICK_TTL)) {
            return null;
        }
        var message = request.getPayload().getMessage();
        List<LayoutBlock> blocks = message == null ? null : message.getBlocks();
        cards.remember(click.channel(), click.messageTs(), blocks);
        return click;
    }

    private void askReason(String trigger, SlackClick click) {
        SlackAdmissions.Admission admission = handOver.admit(click.user());
        if (!admission.admitted()) {
            handOver.tell(SlackThreads.click(click.channel(), click.messageTs(), click.user(), Action.REJECT,
                    click.responseUrl()), click.user(), admission.refusal());
            return;
        }
        try {
            api.openView(trigger, modals.reject(click.value().toUpperCase(Locale.ROOT), click.channel(),
                    click.messageTs(), click.user(), click.responseUrl(), handOver.texts(click.user())));
        } catch (SlackCallException e) {
            handOver.forget(click.key(Action.REJECT));
            LOG.info("reject form for {} not opened: {}", click.value(), e.error());
        }
    }
}
