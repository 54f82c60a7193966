package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.connector.Address;
import java.util.Optional;

/**
 * Conversation references in the Bot Framework's {@code conversationReference} shape (activityId, user, bot,
 * conversation, channelId, serviceUrl, locale), which any Bot Framework implementation can continue from.
 */
final class References {

    private static final ObjectMapper JSON = new ObjectMapper();

    private References() {
    }

    static String of(InboundActivity activity) {
        ObjectNode reference = JSON.createObjectNode();
        reference.put("activityId", activity.id());
        ObjectNode user = reference.putObject("user");
        user.put("id", activity.fromId());
        user.put("name", activity.fromName());
        if (activity.fromAadObjectId() != null) {
            user.put("aadObjectId", activity.fromAadObjectId());
        }
        reference.set("bot", activity.json().path("recipient").deepCopy());
        ObjectNode conversation = reference.putObject("conversation");
        conversation.put("id", TeamsThreads.base(activity.conversationId()));
        conversation.put("conversationType", activity.conversationType());
        conversation.put("isGroup", !"personal".equals(activity.conversationType()));
        if (activity.tenantId() != null) {
            conversation.put("tenantId", activity.tenantId());
        }
        reference.put("channelId", activity.channelId());
        reference.put("serviceUrl", activity.serviceUrl());
        if (activity.locale() != null) {
            reference.put("locale", activity.locale());
        }
        return reference.toString();
    }

    static String of(Address address, String conversationType) {
        ObjectNode reference = JSON.createObjectNode();
        ObjectNode conversation = reference.putObject("conversation");
        conversation.put("id", address.conversationId());
        conversation.put("conversationType", conversationType);
        if (address.tenantId() != null) {
            conversation.put("tenantId", address.tenantId());
        }
        reference.put("channelId", "msteams");
        reference.put("serviceUrl", address.serviceUrl());
        return reference.toString();
    }

    static Optional<Address> address(String referenceJson) {
        try {
            JsonNode reference = JSON.readTree(referenceJson);
            String serviceUrl = reference.path("serviceUrl").asText(null);
            String conversation = reference.path("conversation").path("id").asText(null);
            if (serviceUrl == null || conversation == null) {
                return Optional.empty();
            }
            return Optional.of(new Address(serviceUrl, conversation,
                    reference.path("conversation").path("tenantId").asText(null)));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
