package io.vdibot.adapters.teams.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message the bot sends: an Adaptive Card (its {@code content}) or an inline image, and the plain text Teams shows
 * in notifications and for clients that cannot show the card (with an image: the text above it).
 */
public record Outgoing(String summary, ObjectNode card, InlineImage image) {

    public Outgoing(String summary, ObjectNode card) {
        this(summary, card, null);
    }

    /** A message of one image under a line of text. */
    public static Outgoing image(String text, InlineImage image) {
        return new Outgoing(text, null, image);
    }
}
