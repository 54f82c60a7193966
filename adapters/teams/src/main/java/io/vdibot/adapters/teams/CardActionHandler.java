package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The clicks on one kind of card, by verb. A click comes as an {@code adaptiveCard/action} invoke (Universal
 * Actions), answered on the HTTP request with the card that replaces the clicked one; or, from a client without
 * them, as an {@code Action.Submit} message, answered in the thread.
 */
interface CardActionHandler {

    /** The action verbs this handler answers; the dispatcher routes each verb to one handler. */
    Set<String> verbs();

    /** Verbs that only read (a refresh) are answered in full every time; the others act once per activity id. */
    default boolean readOnly(String verb) {
        return false;
    }

    /** An invoke: answered within Teams' time, so anything slow runs on the workers and is awaited briefly. */
    Answer onInvoke(InboundActivity activity, String verb, JsonNode data);

    /** The same click from an older client; already on a worker, and answered in the conversation. */
    void onSubmit(InboundActivity activity, String verb, JsonNode data);
}
