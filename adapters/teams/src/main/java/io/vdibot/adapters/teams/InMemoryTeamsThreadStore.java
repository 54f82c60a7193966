package io.vdibot.adapters.teams;

import io.vdibot.adapters.common.InMemoryThreadRoots;

/** Card handles in memory: for tests and for a bot without a database. */
public final class InMemoryTeamsThreadStore extends InMemoryThreadRoots<TeamsThreadStore.CardRoot>
        implements TeamsThreadStore {
}
