package io.vdibot.commands.reply;

import java.util.Objects;

/**
 * Text already formatted from a message key. Adapters escape it for their markup: it is never interpreted as
 * Slack mrkdwn or Teams markdown, so user-supplied names cannot inject formatting or mentions.
 */
public record TextBlock(String text, TextStyle style) implements Block {

    public TextBlock {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }
}
