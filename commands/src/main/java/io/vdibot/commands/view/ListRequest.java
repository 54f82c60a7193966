package io.vdibot.commands.view;

import io.vdibot.commands.spec.VdiRequest;
import java.util.Objects;

/**
 * {@code list vms|pools|templates|hosts|clusters|storage|networks|users|groups|roles [site=S] [filter] [page=N]}.
 *
 * @param filter name filter with {@code *} wildcards, {@code null} = everything
 * @param page   1-based page number
 */
public record ListRequest(InventoryKind kind, String filter, String site, int page) implements VdiRequest {

    public static final String COMMAND_ID = "list";

    public ListRequest {
        Objects.requireNonNull(kind, "kind");
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1");
        }
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
