package io.vdibot.rhev.inventory;

/** @param status the engine's value, e.g. {@code up} */
public record DataCenterInfo(String id, String name, String status) {
}
