package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The cards a task keeps editing (its status card, its approval card), remembered with the task so that a restarted
 * bot, or another node, updates the same card instead of posting a new one. The core persists them in MariaDB;
 * {@link InMemoryTeamsThreadStore} serves tests and single runs.
 */
public interface TeamsThreadStore {

    /** The status card in the requester's conversation. */
    String STATUS = "status";
    /** The approval card in the approvers' channel. */
    String APPROVAL = "approval";

    Optional<CardRoot> find(String taskCode, String purpose);

    void save(String taskCode, String purpose, CardRoot root);

    /**
     * A card the bot posted for a task.
     *
     * @param conversationId the conversation the card is in (with {@code ;messageid=} inside a channel thread)
     * @param activityId     the card's activity id, for updates in place
     * @param replyTo        the activity replies go under (a channel thread's root), {@code null} in chats
     * @param headline       the card's first line, shown again when the status is redrawn after a restart
     * @param state          what the adapter needs to draw the card again (the approval card's content)
     */
    record CardRoot(String serviceUrl, String tenantId, String conversationId, String activityId, String replyTo,
                    String headline, JsonNode state) {
    }
}
