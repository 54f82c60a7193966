package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vdibot.adapters.teams.connector.Address;

/**
 * The parts of an incoming Bot Framework activity the adapter reads, over the raw JSON (so nothing of the archived
 * SDK leaks past the connector package and unknown fields never break parsing).
 */
record InboundActivity(JsonNode json) {

    String type() {
        return text("type");
    }

    String id() {
        return text("id");
    }

    String name() {
        return text("name");
    }

    String serviceUrl() {
        return text("serviceUrl");
    }

    String channelId() {
        return text("channelId");
    }

    String conversationId() {
        return json.path("conversation").path("id").asText(null);
    }

    String conversationType() {
        return json.path("conversation").path("conversationType").asText("personal");
    }

    String tenantId() {
        String fromChannelData = channelDataTenantId();
        return fromChannelData != null ? fromChannelData : conversationTenantId();
    }

    /** Teams' {@code channelData.tenant.id}. */
    String channelDataTenantId() {
        return json.path("channelData").path("tenant").path("id").asText(null);
    }

    /** The Bot Framework's {@code conversation.tenantId}, which Teams fills in as well. */
    String conversationTenantId() {
        return json.path("conversation").path("tenantId").asText(null);
    }

    String teamId() {
        return json.path("channelData").path("team").path("id").asText(null);
    }

    String fromId() {
        return json.path("from").path("id").asText(null);
    }

    String fromAadObjectId() {
        return json.path("from").path("aadObjectId").asText(null);
    }

    String fromName() {
        return json.path("from").path("name").asText("");
    }

    String recipientId() {
        return json.path("recipient").path("id").asText(null);
    }

    String text() {
        return text("text");
    }

    String replyToId() {
        return text("replyToId");
    }

    String locale() {
        return text("locale");
    }

    /** The IANA zone of the user's client, which Teams sends with messages and invokes. */
    String localTimezone() {
        return text("localTimezone");
    }

    JsonNode value() {
        JsonNode value = json.get("value");
        return value == null ? MissingNode.getInstance() : value;
    }

    JsonNode entities() {
        return json.path("entities");
    }

    JsonNode membersAdded() {
        return json.path("membersAdded");
    }

    JsonNode membersRemoved() {
        return json.path("membersRemoved");
    }

    String action() {
        return text("action");
    }

    Address address() {
        return new Address(serviceUrl(), conversationId(), tenantId());
    }

    boolean isChannel() {
        return "channel".equals(conversationType());
    }

    private String text(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
