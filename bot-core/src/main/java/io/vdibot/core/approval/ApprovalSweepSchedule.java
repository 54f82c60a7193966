package io.vdibot.core.approval;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The one repeating trigger of {@link ApprovalSweepJob} in the clustered job store. Every node makes sure it exists
 * when it starts, and replaces it when its own settings call for another interval; Quartz fires it on one node each
 * time, and on another node while that one is down.
 */
public final class ApprovalSweepSchedule {

    static final JobKey JOB = JobKey.jobKey("approval-sweep", "approvals");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("approval-sweep", "approvals");

    private final Scheduler scheduler;
    private final Duration every;

    public ApprovalSweepSchedule(Scheduler scheduler, Duration every) {
        this.scheduler = scheduler;
        this.every = every;
    }

    public void start() throws SchedulerException {
        Trigger existing = scheduler.getTrigger(TRIGGER);
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == every.toMillis()
                && scheduler.checkExists(JOB)) {
            return;
        }
        JobDetail job = JobBuilder.newJob(ApprovalSweepJob.class).withIdentity(JOB).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever()
                        // looks missed while every node was down are made up by the next one
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        // replace: nodes starting together each store the same job and trigger, none fails
        scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
    }
}
