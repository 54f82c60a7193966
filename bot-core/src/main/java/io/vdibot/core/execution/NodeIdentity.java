package io.vdibot.core.execution;

import java.net.InetAddress;
import java.util.UUID;

/** This process's name among the bot processes sharing one database. */
public record NodeIdentity(String id) {

    /** The configured id, or host name plus a random suffix so that a restarted process is a new node. */
    public static NodeIdentity of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new NodeIdentity(configured);
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return new NodeIdentity(host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
