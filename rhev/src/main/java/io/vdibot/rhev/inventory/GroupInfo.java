package io.vdibot.rhev.inventory;

/** A directory group known to the engine. */
public record GroupInfo(String id, String name, String namespace) {
}
