package io.vdibot.commands.reply;

import java.util.List;

/** A row of buttons. */
public record ActionsBlock(List<Action> actions) implements Block {

    public ActionsBlock {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("an actions block has at least one button");
        }
    }
}
