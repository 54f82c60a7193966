package io.vdibot.adapters.teams.cards;

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
 * Approval cards in the approvers' channel. Everyone sees the request; the card's {@code refresh} names the approvers
 * ({@code userIds}, at most 60 as Teams allows), whose clients fetch their own view with Approve, Reject and a reason
 * (verb {@value #REFRESH}). The core still checks the permission of whoever clicks. Once decided, the card shows who
 * decided, when and why, and has neither buttons nor refresh.
 */
public final class ApprovalCards {

    public static final String APPROVAL = "approval";
    public static final String REFRESH = "approval.refresh";
    public static final String APPROVE = Action.APPROVE;
    public static final String REJECT = Action.REJECT;
    public static final String REASON = "reason";
    /** Teams honours at most 60 user ids in {@code refresh.userIds}. */
    public static final int MAX_REFRESH_USERS = 60;

    /**
     * What a card is made of, kept with the task so it can be drawn again after a restart.
     *
     * @param body     the request, rendered (without the core's buttons)
     * @param decision the decision line once decided, else {@code null}
     */
    public record State(String task, JsonNode body, String approveLabel, String rejectLabel, List<String> userIds,
                        String decision) {

        public State decided(String line) {
            return new State(task, body, approveLabel, rejectLabel, userIds, line);
        }
    }

    /** The state of a new approval card, from the core's request for approval. */
    public State state(Reply request, String task, List<String> approverIds) {
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
        List<String> ids = approverIds.size() > MAX_REFRESH_USERS ? approverIds.subList(0, MAX_REFRESH_USERS)
                : approverIds;
        return new State(task, rendered.get("body"), approve, reject, List.copyOf(ids), null);
    }

    /** What everyone sees: the request and how to decide; approvers' clients refresh it into {@link #forApprover}. */
    public ObjectNode forEveryone(State state, String hint) {
        if (state.decision() != null) {
            return decided(state);
        }
        ObjectNode card = base(state);
        Cards.body(card).add(Cards.text(hint, null, "Small", null, null).put("isSubtle", true));
        refresh(card, state);
        return card;
    }

    /** An approver's view: the request, a reason box, Approve and Reject; {@code notice} on top when not null. */
    public ObjectNode forApprover(State state, String reasonLabel, Reply notice) {
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
        ObjectNode data = Cards.data(APPROVAL);
        data.put("task", state.task());
        ArrayNode actions = card.putArray("actions");
        actions.add(Cards.execute(state.approveLabel(), APPROVE, data, "positive", true));
        actions.add(Cards.execute(state.rejectLabel(), REJECT, data, "destructive", true));
        refresh(card, state);
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

    private static void refresh(ObjectNode card, State state) {
        ObjectNode refresh = card.putObject("refresh");
        ObjectNode action = refresh.putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", REFRESH);
        ObjectNode data = action.putObject("data");
        data.put(Cards.KIND, APPROVAL);
        data.put("task", state.task());
        ArrayNode users = refresh.putArray("userIds");
        state.userIds().forEach(users::add);
    }
}
