package io.vdibot.core.schedule;

import io.vdibot.core.execution.TaskRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quartz job of one task: hands it to the runner with the time it was due. */
@DisallowConcurrentExecution
public class RunTaskJob implements Job {

    private TaskRunner runner;

    /** Set by Spring Boot's job factory, which autowires job instances. */
    @Autowired
    public void setTaskRunner(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long taskId = context.getMergedJobDataMap().getLong(TaskScheduling.TASK_ID);
        runner.runScheduled(taskId, context.getScheduledFireTime().toInstant(), context.getFireTime().toInstant());
    }
}
