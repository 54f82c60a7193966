package io.vdibot.adapters.teams.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message the bot sends: an Adaptive Card (its {@code content}) and the plain text Teams shows in notifications and
 * for clients that cannot show the card.
 */
public record Outgoing(String summary, ObjectNode card) {
}
