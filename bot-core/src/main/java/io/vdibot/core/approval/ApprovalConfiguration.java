package io.vdibot.core.approval;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.persistence.task.ApprovalDeadlines;
import java.time.Clock;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Approvals: the desk that asks approvers and records decisions, the {@code approve}/{@code reject} commands, and the
 * reminders and expiry of requests nobody decides on.
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

    @Bean
    public ApprovalDesk approvalDesk(TaskRepository tasks, TaskScheduling scheduling, Notifiers notifiers,
            TaskJson json, Directory directory, PermissionPolicy permissions, VdibotProperties properties) {
        return new ApprovalDesk(tasks, scheduling, notifiers, json, new Approvers(directory, permissions),
                properties.defaultLocale());
    }

    @Bean
    public ApprovalTimeouts approvalTimeouts(DataSource dataSource, Clock clock, ApprovalDesk desk,
            VdibotProperties properties) {
        return new ApprovalTimeouts(new ApprovalDeadlines(dataSource, clock), desk, clock,
                properties.approval().remindAfter(), properties.approval().expireAfter());
    }

    @Bean(initMethod = "start")
    public ApprovalSweepSchedule approvalSweepSchedule(Scheduler scheduler, ApprovalTimeouts timeouts) {
        return new ApprovalSweepSchedule(scheduler, timeouts.sweepEvery());
    }

    @Bean
    public QueryHandler<?> approveHandler(ApprovalDesk desk) {
        return new ApproveHandler(desk);
    }

    @Bean
    public QueryHandler<?> rejectHandler(ApprovalDesk desk) {
        return new RejectHandler(desk);
    }
}
