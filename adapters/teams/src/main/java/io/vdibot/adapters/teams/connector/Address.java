package io.vdibot.adapters.teams.connector;

import java.util.Objects;

/**
 * Where a conversation lives: the channel service that hosts it ({@code serviceUrl}, per region and tenant), the
 * conversation id (a channel thread carries {@code ;messageid=} in it), and the tenant.
 */
public record Address(String serviceUrl, String conversationId, String tenantId) {

    public Address {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    /** The conversation without a reply-chain suffix: a channel, a chat. */
    public String baseConversationId() {
        int cut = conversationId.indexOf(";messageid=");
        return cut < 0 ? conversationId : conversationId.substring(0, cut);
    }

    public Address withConversation(String conversation) {
        return new Address(serviceUrl, conversation, tenantId);
    }
}
