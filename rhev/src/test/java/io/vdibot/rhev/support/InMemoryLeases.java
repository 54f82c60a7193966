package io.vdibot.rhev.support;

import io.vdibot.commands.handler.ResourceLeases;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Leases in memory with the database's semantics: one holder per key, the holder gets it again. */
public final class InMemoryLeases implements ResourceLeases {

    private final Map<String, String> holders = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String resourceKey, String taskCode, String note) {
        return holders.computeIfAbsent(resourceKey, key -> taskCode).equals(taskCode);
    }

    @Override
    public void release(String resourceKey, String taskCode) {
        holders.remove(resourceKey, taskCode);
    }

    @Override
    public Optional<String> holder(String resourceKey) {
        return Optional.ofNullable(holders.get(resourceKey));
    }

    public Map<String, String> held() {
        return Map.copyOf(holders);
    }
}
