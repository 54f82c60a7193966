package io.vdibot.core.approval;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.permission.PermissionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Approvals: the desk that asks approvers and records decisions, and the {@code approve}/{@code reject} commands. */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

    @Bean
    public ApprovalDesk approvalDesk(TaskRepository tasks, TaskScheduling scheduling, Notifiers notifiers,
            TaskJson json, Directory directory, PermissionPolicy permissions) {
        return new ApprovalDesk(tasks, scheduling, notifiers, json, new Approvers(directory, permissions));
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
