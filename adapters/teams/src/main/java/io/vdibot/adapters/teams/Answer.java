package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the HTTP request of an activity is answered with: a status and, for invokes, a JSON body. */
record Answer(int status, JsonNode body) {

    static final Answer OK = new Answer(200, null);
    static final Answer BAD_REQUEST = new Answer(400, null);
    static final String CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";
    static final String MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";

    /** An invoke answered with nothing to show. */
    static Answer empty() {
        return new Answer(200, JsonNodeFactory.instance.objectNode());
    }

    /** An invoke answered with the card that replaces the clicked one. */
    static Answer card(ObjectNode card) {
        return invokeResponse(CARD_RESPONSE, card);
    }

    /** An invoke answered with a short message the client shows by the card. */
    static Answer message(String text) {
        return invokeResponse(MESSAGE_RESPONSE, JsonNodeFactory.instance.textNode(text));
    }

    private static Answer invokeResponse(String type, JsonNode value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", type);
        body.set("value", value);
        return new Answer(200, body);
    }
}
