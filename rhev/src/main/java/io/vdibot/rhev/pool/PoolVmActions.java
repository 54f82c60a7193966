package io.vdibot.rhev.pool;

import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.task.CorrelationIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * What pool tasks do to single VMs of a pool, where the engine offers no call for many (starting, stopping,
 * detaching, removing a VM); each safe to repeat. Starting and stopping a batch runs several calls at a time.
 */
final class PoolVmActions {

    private final EngineCalls calls;
    private final int parallelCalls;

    PoolVmActions(EngineCalls calls, int parallelCalls) {
        this.calls = calls;
        this.parallelCalls = parallelCalls;
    }

    /**
     * Starts the VMs, several at a time: the engine has no call that starts many VMs, and starting them one after
     * the other would spread a batch's start over many round trips.
     *
     * @return the names of the VMs this call started; a VM found running already (the engine's pool monitor
     *         starts VMs too) is not among them
     */
    List<String> startAll(String site, List<VmInfo> vms, String correlationId) {
        return inParallel(vms, vm -> start(site, vm.id(), correlationId) ? vm.name() : null);
    }

    /** Powers the VMs off, several at a time; a VM already down is left as it is. */
    void stopAll(String site, List<VmInfo> vms, String correlationId) {
        inParallel(vms, vm -> {
            calls.run(site, "stop VM " + vm.name(), connection -> {
                try {
                    connection.systemService().vmsService().vmService(vm.id()).stop()
                            .header(CorrelationIds.HEADER, correlationId).send();
                } catch (RuntimeException e) {
                    if (!saysNotRunning(e)) {
                        throw e;
                    }
                }
            });
            return null;
        });
    }

    /** @return false when the VM was running already */
    private boolean start(String site, String vmId, String correlationId) {
        return calls.call(site, "start VM", connection -> {
            try {
                connection.systemService().vmsService().vmService(vmId).start()
                        .header(CorrelationIds.HEADER, correlationId).send();
                return true;
            } catch (RuntimeException e) {
                if (saysRunning(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Takes a down VM out of its pool, which the engine requires before it removes a pool VM. */
    void detach(String site, String vmId, String correlationId) {
        calls.run(site, "detach VM", connection -> connection.systemService().vmsService().vmService(vmId).detach()
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    /** Removes a VM that is in no pool any more, with its disks. */
    void deleteVm(String site, String vmId, String correlationId) {
        calls.run(site, "remove VM", connection -> connection.systemService().vmsService().vmService(vmId).remove()
                .header(CorrelationIds.HEADER, correlationId).send());
    }

    private static boolean saysRunning(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().contains("VM is running");
    }

    private static boolean saysNotRunning(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().contains("VM is not running");
    }

    /** Runs {@code action} on every VM with at most {@link #parallelCalls} at a time; the first failure wins. */
    private <R> List<R> inParallel(List<VmInfo> vms, Function<VmInfo, R> action) {
        if (vms.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(parallelCalls, vms.size());
        if (threads == 1) {
            List<R> out = new ArrayList<>();
            vms.forEach(vm -> add(out, action.apply(vm)));
            return out;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "pool-calls");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            vms.forEach(vm -> futures.add(workers.submit(() -> action.apply(vm))));
            List<R> out = new ArrayList<>();
            for (Future<R> future : futures) {
                add(out, future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while acting on pool VMs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static <R> void add(List<R> out, R value) {
        if (value != null) {
            out.add(value);
        }
    }
}
