package io.vdibot.adapters.teams.cards;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.ActionsBlock;
import io.vdibot.commands.reply.Block;
import io.vdibot.commands.reply.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Approval cards in the approvers' channel. Everyone in the channel sees the request with a reason box, Approve and
 * Reject in the card itself: a Teams client refreshes a card only for the users named in its {@code refresh.userIds}
 * (at most 60, read when the card is sent), so an approver who joined the channel later, or was not in that list,
 * would see no buttons. Whoever clicks is checked by the core, which refuses anyone who may not approve, on their
 * own copy of the card. Once decided or expired, the card shows what happened and has no buttons.
 */
public final class ApprovalCards {

    public static final String APPROVAL = "approval";
    /** The refresh verb of cards sent before the buttons were in every card; still answered. */
    public static final String REFRESH = "approval.refresh";
    public static final String APPROVE = Action.APPROVE;
    public static final String REJECT = Action.REJECT;
    public static final String REASON = "reason";

    /**
     * What a card is made of, kept with the task so it can be drawn again after a restart.
     *
     * @param body     the request, rendered (without the core's buttons)
     * @param decision the decision (or expiry) line once closed, else {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(String task, JsonNode body, String approveLabel, String rejectLabel, String decision) {

        public State decided(String line) {
            return new State(task, body, approveLabel, rejectLabel, line);
        }
    }

    /** The state of a new approval card, from the core's request for approval. */
    public State state(Reply request, String task) {
        List<Block> shown = new ArrayList<>();
        String approve = APPROVE;
        String reject = REJECT;
        for (Block block : request.blocks()) {
            if (block instanceof ActionsBlock actions) {
                for (Action action : actions.actions()) {
                    if (APPROVE.equals(action.actionId())) {
                        approve = action.label();
                    } else if (REJECT.equals(action.actionId())) {
                        reject = action.label();
                    }
                }
            } else {
                shown.add(block);
            }
        }
        ObjectNode rendered = new CardRenderer().render(new Reply(request.kind(), request.tone(), shown)).first();
        return new State(task, rendered.get("body"), approve, reject, null);
    }

    /**
     * The open card as everyone in the channel sees it: the request, a reason box, Approve and Reject, and how to
     * decide by typing; {@code notice} on top when not null (the answer to someone's click, on their copy).
     */
    public ObjectNode open(State state, String reasonLabel, String hint, Reply notice) {
        if (state.decision() != null) {
            return decided(state);
        }
        ObjectNode card = base(state);
        ArrayNode body = Cards.body(card);
        if (notice != null) {
            ArrayNode items = CardRenderer.container(card, notice.tone());
            new CardRenderer().render(notice).first().get("body").get(0).get("items").forEach(items::add);
        }
        ObjectNode reason = body.addObject();
        reason.put("type", "Input.Text");
        reason.put("id", REASON);
        reason.put("label", reasonLabel);
        reason.put("maxLength", 500);
        body.add(Cards.text(hint, null, "Small", null, null).put("isSubtle", true));
        ObjectNode data = Cards.data(APPROVAL);
        data.put("task", state.task());
        ArrayNode actions = card.putArray("actions");
        actions.add(Cards.execute(state.approveLabel(), APPROVE, data, "positive", true));
        actions.add(Cards.execute(state.rejectLabel(), REJECT, data, "destructive", true));
        return card;
    }

    public ObjectNode decided(State state) {
        ObjectNode card = base(state);
        Cards.lines(Cards.body(card), state.decision(), "Bolder", null, null, null);
        return card;
    }

    private static ObjectNode base(State state) {
        ObjectNode card = Cards.card();
        state.body().forEach(element -> Cards.body(card).add(element.deepCopy()));
        return card;
    }
}
