package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.cards.ApprovalCards;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import java.util.Optional;
import java.util.Set;

/**
 * Buttons: Approve and Reject on approval cards (and the refresh that older approval cards still ask for), and every other
 * command button, which stands for its command's words and the button's value. A click is handed over as the text
 * it stands for, so the core parses and authorises it like typing it.
 */
final class TeamsClickHandler implements CardActionHandler {

    private final CommandRegistry registry;
    private final TeamsApprovals approvals;
    private final PendingAnswers pending;
    private final TeamsSettings settings;
    private final TeamsHandOver handOver;

    TeamsClickHandler(CommandRegistry registry, TeamsApprovals approvals, PendingAnswers pending,
                      TeamsSettings settings, TeamsHandOver handOver) {
        this.registry = registry;
        this.approvals = approvals;
        this.pending = pending;
        this.settings = settings;
        this.handOver = handOver;
    }

    @Override
    public Set<String> verbs() {
        return Set.of(ApprovalCards.APPROVE, ApprovalCards.REJECT, ApprovalCards.REFRESH, CardRenderer.COMMAND);
    }

    @Override
    public boolean readOnly(String verb) {
        return ApprovalCards.REFRESH.equals(verb);
    }

    @Override
    public Answer onInvoke(InboundActivity activity, String verb, JsonNode data) {
        String task = data.path("task").asText(null);
        return switch (verb) {
            case ApprovalCards.REFRESH -> {
                ObjectNode card = approvals.refresh(task, TeamsHandOver.locale(activity));
                yield card == null ? Answer.message("") : Answer.card(card);
            }
            case ApprovalCards.APPROVE, ApprovalCards.REJECT -> {
                pending.expect(activity.id());
                handOver.later(() -> decide(activity, verb, data));
                yield pending.await(activity.id(), settings.invokeWait()).map(Answer::card)
                        .orElseGet(() -> Answer.card(approvals.working(task, TeamsHandOver.locale(activity))));
            }
            default -> {
                String line = commandClick(activity, data);
                yield Answer.message(line == null ? "" : TeamsTexts.forLocale(TeamsHandOver.locale(activity))
                        .format("teams.form.sent", line));
            }
        };
    }

    @Override
    public void onSubmit(InboundActivity activity, String verb, JsonNode data) {
        switch (verb) {
            case ApprovalCards.APPROVE, ApprovalCards.REJECT -> decide(activity, verb, data);
            case CardRenderer.COMMAND -> commandClick(activity, data);
            default -> { } // a refresh needs Universal Actions
        }
    }

    /** Approve or Reject: typed text for the core, answered on the clicked card. */
    private void decide(InboundActivity activity, String verb, JsonNode data) {
        String task = data.path("task").asText("");
        String reason = data.path(ApprovalCards.REASON).asText("").strip();
        String line = verb + " " + task;
        if (ApprovalCards.REJECT.equals(verb) && !reason.isEmpty()) {
            line += " reason=\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        ThreadRef thread = TeamsThreads.click(activity, "approval", activity.replyToId(), task);
        handOver.submitText(activity, thread, line);
    }

    /** A generic button: the command line it stands for, answered in the thread; null for an unknown command. */
    private String commandClick(InboundActivity activity, JsonNode data) {
        Optional<String> words = registry.find(data.path("command").asText("")).map(CommandSpec::wordsText);
        if (words.isEmpty()) {
            return null;
        }
        String line = words.get() + " " + data.path("value").asText("");
        ThreadRef thread = TeamsThreads.conversation(activity);
        handOver.later(() -> handOver.submitText(activity, thread, line));
        return line;
    }
}
