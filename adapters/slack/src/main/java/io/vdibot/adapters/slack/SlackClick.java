package io.vdibot.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/** The parts of a button click the adapter uses; {@code null} from {@link #of} when a part it needs is missing. */
record SlackClick(String actionId, String value, String user, String channel, String messageTs, String threadTs,
                  String responseUrl) {

    static SlackClick of(BlockActionPayload p) {
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null || p.getContainer() == null) {
            return null;
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
        if (channel == null || action.getValue() == null) {
            return null;
        }
        return new SlackClick(action.getActionId(), action.getValue(), p.getUser().getId(), channel,
                p.getContainer().getMessageTs(), p.getContainer().getThreadTs(), p.getResponseUrl());
    }

    /** The key of this click by this user on this message; a double click within the click TTL has the same. */
    String key(String what) {
        return "slack:click:" + channel + ":" + messageTs + ":" + user + ":" + what;
    }
}
