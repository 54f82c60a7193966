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
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", CARD_RESPONSE);
        body.set("value", card);
        return new Answer(200, body);
    }

    /** An invoke answered with a short message the client shows by the card. */
    static Answer message(String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("statusCode", 200);
        body.put("type", MESSAGE_RESPONSE);
        body.put("value", text);
        return new Answer(200, body);
    }
}
