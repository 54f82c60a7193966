package io.vdibot.core.e2e;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.NewTask;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Loads many {@code vm create} tasks due at one instant into a database that bot processes share, faster than typing
 * them: each is stored as the intake stores it (task row, then its trigger in the clustered Quartz job store), by
 * alice into one console thread. The loader's scheduler only writes triggers; it never runs a job.
 */
public final class TaskLoader {

    private final DataSource dataSource;
    private final String prefix;
    private final long vmMemoryBytes;

    /**
     * @param prefix        names the VMs ({@code prefix-0042}), the thread and the idempotency keys
     * @param vmMemoryBytes each VM's memory: the simulated hosts refuse VMs beyond their memory, as an engine does
     */
    public TaskLoader(DataSource dataSource, String prefix, long vmMemoryBytes) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.vmMemoryBytes = vmMemoryBytes;
    }

    /** Stores {@code count} tasks due at {@code due} by {@code writers} writers at once; returns them in name order. */
    public List<TaskRecord> load(int count, Instant due, int writers) throws SchedulerException, InterruptedException {
        TaskRepository tasks = new TaskRepository(dataSource);
        TaskJson json = new TaskJson(AllCommands.registry());
        String thread = json.write(ThreadRef.of(Platform.CONSOLE, "console", prefix));
        Requester alice = new Requester(Platform.CONSOLE, "alice", "alice", "Alice Martin");
        SchedulerFactoryBean loader = loaderScheduler();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            TaskScheduling scheduling = new TaskScheduling(loader.getScheduler(), Clock.systemUTC());
            List<Future<TaskRecord>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "%s-%04d", prefix, i);
                String key = prefix + "-" + i;
                futures.add(pool.submit(() -> {
                    VmCreateRequest request = new VmCreateRequest(name, "rhel9-desktop", "dc1", null, vmMemoryBytes,
                            null, null, Schedule.at(due, ZoneOffset.UTC));
                    TaskRecord task = tasks.insert(new NewTask(VmCreateRequest.COMMAND_ID, json.write(request),
                            TaskStatus.SCHEDULED, "dc1", alice, Locale.ENGLISH, ZoneOffset.UTC, thread, key, due));
                    scheduling.schedule(task);
                    return task;
                }));
            }
            List<TaskRecord> inserted = new ArrayList<>();
            for (Future<TaskRecord> future : futures) {
                inserted.add(future.get());
            }
            return inserted;
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing a task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            loader.destroy();
        }
    }

    private SchedulerFactoryBean loaderScheduler() {
        SchedulerFactoryBean loader = new SchedulerFactoryBean();
        loader.setDataSource(dataSource);
        loader.setTransactionManager(new DataSourceTransactionManager(dataSource));
        Properties quartz = new Properties();
        quartz.put("org.quartz.scheduler.instanceName", "vdibot");
        quartz.put("org.quartz.scheduler.instanceId", prefix + "-loader");
        quartz.put("org.quartz.jobStore.isClustered", "true");
        quartz.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.put("org.quartz.threadPool.threadCount", "1");
        loader.setQuartzProperties(quartz);
        loader.setAutoStartup(false);
        try {
            loader.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("the loader's scheduler did not start: " + e.getMessage(), e);
        }
        return loader;
    }
}
