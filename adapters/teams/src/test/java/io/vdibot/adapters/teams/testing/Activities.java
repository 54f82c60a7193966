package io.vdibot.adapters.teams.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Activities as Teams sends them (shapes taken from the Bot Framework activity schema and Teams' channel data). */
public final class Activities {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String BOT_ID = "28:vdibot-app-id";
    public static final String TENANT = "72f988bf-0000-4000-8000-2d7cd011db47";
    public static final String BOT_NAME = "VDI Bot";

    private final String serviceUrl;

    public Activities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A user in a chat: their Teams id ({@code 29:…}), AAD object id and name. */
    public record User(String id, String aadObjectId, String name, String upn) {
    }

    private ObjectNode base(String type, User from, String conversationId, String conversationType) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        a.put("timestamp", "2026-05-04T08:30:00.000Z");
        a.put("localTimestamp", "2026-05-04T10:30:00.000+02:00");
        a.put("localTimezone", "Europe/Paris");
        a.put("serviceUrl", serviceUrl);
        a.put("channelId", "msteams");
        ObjectNode f = a.putObject("from");
        f.put("id", from.id());
        f.put("name", from.name());
        f.put("aadObjectId", from.aadObjectId());
        ObjectNode c = a.putObject("conversation");
        c.put("conversationType", conversationType);
        c.put("tenantId", TENANT);
        c.put("id", conversationId);
        if (!"personal".equals(conversationType)) {
            c.put("isGroup", true);
        }
        ObjectNode r = a.putObject("recipient");
        r.put("id", BOT_ID);
        r.put("name", BOT_NAME);
        a.put("locale", "en-US");
        ObjectNode channelData = a.putObject("channelData");
        channelData.putObject("tenant").put("id", TENANT);
        return a;
    }

    /** {@code activity} as if sent from another Microsoft Entra tenant: both places Teams names it. */
    public static ObjectNode inTenant(ObjectNode activity, String tenant) {
        ((ObjectNode) activity.get("conversation")).put("tenantId", tenant);
        ((ObjectNode) activity.get("channelData")).putObject("tenant").put("id", tenant);
        return activity;
    }

    /** A message mentioning the bot: {@code <at>VDI Bot</at> text}, with its mention entity. */
    public ObjectNode mention(User from, String conversationId, String conversationType, String text) {
        ObjectNode a = base("message", from, conversationId, conversationType);
        a.put("text", "<at>" + BOT_NAME + "</at> " + text);
        a.put("textFormat", "plain");
        ArrayNode entities = a.putArray("entities");
        ObjectNode mention = entities.addObject();
        mention.put("type", "mention");
        mention.put("text", "<at>" + BOT_NAME + "</at>");
        ObjectNode mentioned = mention.putObject("mentioned");
        mentioned.put("id", BOT_ID);
        mentioned.put("name", BOT_NAME);
        ObjectNode client = entities.addObject();
        client.put("type", "clientInfo");
        client.put("locale", "en-US");
        client.put("country", "US");
        client.put("platform", "Web");
        client.put("timezone", "Europe/Paris");
        if ("channel".equals(conversationType)) {
            ObjectNode channelData = (ObjectNode) a.get("channelData");
            channelData.put("teamsChannelId", conversationId.split(";")[0]);
            channelData.putObject("channel").put("id", conversationId.split(";")[0]);
            channelData.putObject("team").put("id", "19:team-general@thread.tacv2");
        }
        return a;
    }

    /** A personal-chat message without a mention (Teams does not require one there). */
    public ObjectNode personal(User from, String conversationId, String text) {
        ObjectNode a = base("message", from, conversationId, "personal");
        a.put("text", text);
        return a;
    }

    /** An {@code adaptiveCard/action} invoke: a click on an Action.Execute, inputs merged into {@code data}. */
    public ObjectNode invoke(User from, String conversationId, String conversationType, String replyToId,
                             String verb, ObjectNode data) {
        ObjectNode a = base("invoke", from, conversationId, conversationType);
        a.put("name", "adaptiveCard/action");
        a.put("replyToId", replyToId);
        ObjectNode value = a.putObject("value");
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute");
        action.put("id", UUID.randomUUID().toString());
        action.put("verb", verb);
        action.set("data", data);
        value.put("trigger", "manual");
        return a;
    }

    /** The bot was added to a conversation (personal install or team install). */
    public ObjectNode installed(User by, String conversationId, String conversationType, String teamId) {
        ObjectNode a = base("conversationUpdate", by, conversationId, conversationType);
        ArrayNode added = a.putArray("membersAdded");
        added.addObject().put("id", BOT_ID);
        ObjectNode channelData = (ObjectNode) a.get("channelData");
        channelData.put("eventType", "teamMemberAdded");
        if (teamId != null) {
            channelData.putObject("team").put("id", teamId);
        }
        return a;
    }
}
