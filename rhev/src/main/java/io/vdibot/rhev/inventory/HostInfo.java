package io.vdibot.rhev.inventory;

/** @param status the engine's value, e.g. {@code up}, {@code maintenance}, {@code non_responsive} */
public record HostInfo(String id, String name, String address, String status, String clusterId) {
}
