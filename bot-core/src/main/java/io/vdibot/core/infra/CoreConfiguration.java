package io.vdibot.core.infra;

import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatAdapter;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.core.command.HandlerRegistry;
import io.vdibot.core.config.InputLimitsProperties;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.approval.ApprovalDesk;
import io.vdibot.core.audit.Auditor;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.execution.DatabaseResourceLeases;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.core.execution.TaskLiveness;
import io.vdibot.core.directory.LdapDirectory;
import io.vdibot.core.execution.LeaseWaits;
import io.vdibot.core.execution.RequesterRecheck;
import io.vdibot.core.execution.TaskRunner;
import io.vdibot.core.execution.TaskSuccessListener;
import io.vdibot.core.notify.ChatAdapters;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.mail.OnCallMail;
import io.vdibot.core.notify.OnCallNotices;
import java.util.Map;
import java.util.Locale;
import java.util.EnumMap;
import io.vdibot.commands.Platform;
import io.vdibot.core.teams.TeamsProperties;
import io.vdibot.core.slack.SlackProperties;
import io.vdibot.core.notify.OnCallLanguages;
import io.vdibot.core.permission.AccessHowTo;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import io.vdibot.core.pipeline.DirectoryAccessCheck;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.core.metrics.TaskMeters;
import io.vdibot.core.intake.ApprovalPolicy;
import io.vdibot.core.intake.DatabaseRetry;
import io.vdibot.core.intake.TaskIntake;
import io.vdibot.core.ownership.Ownership;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskCancelRequests;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskStepRepository;
import io.vdibot.persistence.task.TaskWaits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request pipeline, task life cycle and their collaborators. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public NodeIdentity nodeIdentity(VdibotProperties properties) {
        return NodeIdentity.of(properties.nodeId());
    }

    @Bean
    public TaskJson taskJson(CommandRegistry registry) {
        return new TaskJson(registry);
    }

    @Bean
    public TaskRepository taskRepository(DataSource dataSource, Clock clock) {
        return new TaskRepository(dataSource, clock);
    }

    @Bean
    public TaskStepRepository taskStepRepository(DataSource dataSource, Clock clock) {
        return new TaskStepRepository(dataSource, clock);
    }

    @Bean
    public TaskCancelRequests taskCancelRequests(DataSource dataSource) {
        return new TaskCancelRequests(dataSource);
    }

    @Bean
    public TaskLogRepository taskLogRepository(DataSource dataSource, Clock clock) {
        return new TaskLogRepository(dataSource, clock);
    }

    /** Every chat adapter of this process; one is declared per platform that is switched on. */
    @Bean
    public Notifiers notifiers(ObjectProvider<ChatAdapter> adapters, OnCallLanguages onCallLanguages) {
        return new Notifiers(adapters.orderedStream().toList(), onCallLanguages);
    }

    /** {@code vdibot.oncall.locale}, and the language of each chat platform's on-call channel where one is set. */
    @Bean
    public OnCallLanguages onCallLanguages(VdibotProperties properties, ObjectProvider<SlackProperties> slack,
            ObjectProvider<TeamsProperties> teams) {
        Map<Platform, Locale> channels = new EnumMap<>(Platform.class);
        slack.ifAvailable(p -> {
            if (p.oncallChannelLocale() != null) {
                channels.put(Platform.SLACK, p.oncallChannelLocale());
            }
        });
        teams.ifAvailable(p -> {
            if (p.oncallLocale() != null) {
                channels.put(Platform.TEAMS, p.oncallLocale());
            }
        });
        return new OnCallLanguages(properties.onCallLocale(), channels);
    }

    @Bean
    public ChatAdapters chatAdapters(ObjectProvider<ChatAdapter> adapters) {
        return new ChatAdapters(adapters.orderedStream().toList());
    }

    @Bean
    public WorkTracker workTracker() {
        return new WorkTracker();
    }

    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService requestWorkers() {
        return Executors.newFixedThreadPool(4, daemon("request"));
    }

    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService coreTimer() {
        return Executors.newScheduledThreadPool(2, daemon("core-timer"));
    }

    @Bean
    public TaskScheduling taskScheduling(Scheduler scheduler, Clock clock) {
        return new TaskScheduling(scheduler, clock);
    }

    @Bean
    public ResourceLeaseRepository resourceLeaseRepository(DataSource dataSource, Clock clock) {
        return new ResourceLeaseRepository(dataSource, clock);
    }

    @Bean
    public ResourceLeases resourceLeases(ResourceLeaseRepository leases, NodeIdentity node) {
        return new DatabaseResourceLeases(leases, node);
    }

    @Bean
    public TaskIntake taskIntake(TaskRepository tasks, InventoryLookup inventory, HandlerRegistry handlers,
            VdibotProperties properties, ApprovalDesk approvals, TaskScheduling scheduling, Notifiers notifiers,
            TaskJson json, Auditor auditor, Ownership ownership, InventoryCache pools, TaskMeters meters) {
        ApprovalPolicy policy = new ApprovalPolicy(properties.approval(), (site, pool) -> pools.pools(site).stream()
                .filter(info -> info.name().equals(pool)).mapToInt(PoolInfo::size).findFirst());
        return new TaskIntake(tasks, inventory, handlers, policy, approvals, scheduling, notifiers, json,
                new DatabaseRetry(Duration.ofMinutes(2), Duration.ofMillis(200)), auditor, ownership, meters);
    }

    @Bean
    public RequestPipeline requestPipeline(IdentityResolver identities, PermissionPolicy permissions,
            CommandRegistry registry, TaskIntake intake, HandlerRegistry handlers, Notifiers notifiers,
            WorkTracker work, ExecutorService requestWorkers, Clock clock, VdibotProperties properties,
            InputLimitsProperties limits, Auditor auditor, PermissionProperties permissionSettings) {
        return new RequestPipeline(identities, permissions, registry, intake, handlers, notifiers, work,
                requestWorkers, clock, properties, limits.limits(), auditor,
                new AccessHowTo(permissionSettings, properties.access()));
    }

    /** What the adapters ask before they show a form, its pickers or a home page: the pipeline's own checks. */
    @Bean
    public AccessCheck accessCheck(IdentityResolver identities, PermissionPolicy permissions,
            CommandRegistry registry) {
        return new DirectoryAccessCheck(identities, permissions, registry);
    }

    /** Chat notices in the on-call language (the default locale); mail, when configured, in each reader's. */
    @Bean
    public OnCallNotices onCallNotices(Notifiers notifiers, VdibotProperties properties, TaskLogRepository logs,
            ObjectProvider<OnCallMail> mail) {
        return new OnCallNotices(notifiers, properties.onCallLocale(), logs, Optional.ofNullable(mail.getIfAvailable()),
                properties.defaultLocale());
    }

    @Bean
    public TaskWaits taskWaits(DataSource dataSource, Clock clock) {
        return new TaskWaits(dataSource, clock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    public LeaseWaits leaseWaits(ResourceLeaseRepository leases, TaskWaits waits, TaskScheduling scheduling,
            NodeIdentity node, Clock clock, VdibotProperties properties) {
        return new LeaseWaits(leases, waits, scheduling, node,
                Executors.newSingleThreadScheduledExecutor(daemon("lease-waits")), clock,
                properties.leases().waitMax(), properties.leases().poll());
    }

    @Bean
    public TaskRunner taskRunner(TaskRepository tasks, TaskStepRepository steps, TaskLogRepository logs,
            TaskCancelRequests cancels,
            HandlerRegistry handlers, Notifiers notifiers, OnCallNotices onCall, TaskJson json, NodeIdentity node,
            WorkTracker work, LeaseWaits waits, LdapDirectory directory, PermissionPolicy permissions,
            CommandRegistry registry, ScheduledExecutorService coreTimer, VdibotProperties properties,
            Ownership ownership, List<TaskSuccessListener> successListeners, TaskMeters meters) {
        // the directory itself, past the cache: a requester who lost the group minutes ago must not run
        RequesterRecheck recheck = new RequesterRecheck(directory, permissions, registry, ownership);
        return new TaskRunner(tasks, steps, logs, cancels, handlers, notifiers, onCall, json, node,
                new DatabaseRetry(Duration.ofMinutes(2), Duration.ofMillis(100)), work, waits,
                recheck, successListeners, coreTimer, properties.progressInterval(),
                properties.execution().lateAfter(), properties.defaultLocale(), meters);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    public TaskLiveness taskLiveness(TaskRepository tasks, TaskRunner runner, TaskScheduling scheduling,
            NodeIdentity node, ExecutorService requestWorkers, Clock clock, VdibotProperties properties) {
        return new TaskLiveness(tasks, runner, scheduling, node,
                // short: the sweep shares its thread with the heartbeat
                new DatabaseRetry(Duration.ofSeconds(2), Duration.ofMillis(100)),
                Executors.newSingleThreadScheduledExecutor(daemon("liveness")),
                requestWorkers, clock, properties.execution().heartbeat(), properties.execution().staleAfter());
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
