package io.vdibot.core.schedule;

import io.vdibot.persistence.task.TaskRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * One Quartz trigger per task at its run time, in the clustered JDBC job store shared by every bot
 * process: whichever node fires it runs the task, exactly once. A trigger missed while every node was
 * down fires as soon as one is back (misfire "fire now"); the task then says it ran late.
 */
public final class TaskScheduling {

    static final String GROUP = "tasks";
    static final String TASK_ID = "taskId";

    private final Scheduler scheduler;
    private final Clock clock;

    public TaskScheduling(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Stores the task's trigger unless it exists. A run time already past (a task approved after its time, or one
     * found without a trigger) fires now: Quartz would otherwise treat it as a misfire and pick it up only on its
     * next misfire scan, many seconds later.
     *
     * @throws TransientDataAccessResourceException when the job store (the database) cannot be reached
     */
    public void schedule(TaskRecord task) {
        JobDetail job = JobBuilder.newJob(RunTaskJob.class).withIdentity(jobKey(task.id()))
                .usingJobData(TASK_ID, task.id()).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(task.id()))
                .startAt(Date.from(later(task.runAt(), clock.instant())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(jobKey(task.id()))) {
                return;
            }
            scheduler.scheduleJob(job, trigger);
        } catch (org.quartz.ObjectAlreadyExistsException raceWithAnotherNode) {
            // scheduled already; the trigger is the same
        } catch (org.quartz.JobPersistenceException e) {
            // The job store is the database: a lost connection is a database failure like any other, worth retrying.
            throw new TransientDataAccessResourceException("cannot schedule " + task.code(), e);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + task.code(), e);
        }
    }

    /** Removes the task's trigger; true if there was one to remove (it had not fired yet). */
    public boolean unschedule(long taskId) {
        try {
            return scheduler.deleteJob(jobKey(taskId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule T" + taskId, e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static JobKey jobKey(long taskId) {
        return JobKey.jobKey("T" + taskId, GROUP);
    }

    static TriggerKey triggerKey(long taskId) {
        return TriggerKey.triggerKey("T" + taskId, GROUP);
    }
}
