package io.vdibot.core.task;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.core.approval.ApprovalDesk;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.schedule.TaskScheduling;
import io.vdibot.persistence.task.TaskCancelRequests;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskSearch;
import io.vdibot.persistence.task.TaskStepRepository;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task commands: {@code tasks}, {@code task ID}, {@code logs ID} and {@code cancel ID}. */
@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {

    @Bean
    public QueryHandler<?> tasksHandler(DataSource dataSource, TaskJson json) {
        return new TasksHandler(new TaskSearch(dataSource), json);
    }

    @Bean
    public QueryHandler<?> taskShowHandler(TaskRepository tasks, TaskStepRepository steps, TaskJson json) {
        return new TaskShowHandler(tasks, steps, json);
    }

    @Bean
    public QueryHandler<?> logsHandler(TaskRepository tasks, TaskLogRepository logs) {
        return new LogsHandler(tasks, logs);
    }

    @Bean
    public CancelHandler cancelHandler(TaskRepository tasks, TaskCancelRequests cancels, TaskScheduling scheduling,
            Notifiers notifiers, TaskJson json, ApprovalDesk approvals) {
        return new CancelHandler(tasks, cancels, scheduling, notifiers, json, approvals);
    }
}
