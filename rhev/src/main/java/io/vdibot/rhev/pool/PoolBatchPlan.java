package io.vdibot.rhev.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * How a pool grows from {@code from} to {@code to} VMs in batches of at most {@code batch}: the pool's size after
 * each batch.
 */
record PoolBatchPlan(int from, int to, int batch) {

    PoolBatchPlan {
        if (from < 0 || to < from || batch < 1) {
            throw new IllegalArgumentException("need 0 <= from <= to and batch >= 1");
        }
    }

    /** The pool's size after batch 1, 2, …; empty when there is nothing to add. */
    List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int size = from; size < to; ) {
            size = Math.min(to, size + batch);
            sizes.add(size);
        }
        return sizes;
    }

    int batches() {
        return sizes().size();
    }
}
