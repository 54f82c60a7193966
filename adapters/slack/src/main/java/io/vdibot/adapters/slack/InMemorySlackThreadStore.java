package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.InMemoryThreadRoots;

/** Thread roots kept for the life of the process. */
public final class InMemorySlackThreadStore extends InMemoryThreadRoots<SlackThreadStore.ThreadRoot>
        implements SlackThreadStore {
}
