package io.vdibot.core.schedule;

import io.vdibot.persistence.task.TaskRecord;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.JobPersistenceException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.TriggerKey;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
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

    private final TransactionOperations transactions;

    /**
     * @param transactions Spring's job store writes a job and its trigger in several statements; they
     *                     must commit together, or another node's scan can see a trigger without its
     *                     details and log a failed acquisition
     */
    public TaskScheduling(Scheduler scheduler, TransactionOperations transactions) {
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /**
     * Stores the task's trigger unless it exists.
     *
     * @throws TransientDataAccessResourceException when the job store (the database) cannot be reached
     */
    public void schedule(TaskRecord task) {
        JobDetail job = JobBuilder.newJob(RunTaskJob.class).withIdentity(jobKey(task.id()))
                .usingJobData(TASK_ID, task.id()).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(task.id()))
                .startAt(Date.from(task.runAt()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            transactions.executeWithoutResult(status -> store(job, trigger));
        } catch (StoreFailure failure) {
            if (failure.getCause() instanceof JobPersistenceException) {
                // The job store is the database: a lost connection is a database failure, worth retrying.
                throw new TransientDataAccessResourceException("cannot schedule " + task.code(), failure.getCause());
            }
            throw new IllegalStateException("cannot schedule " + task.code(), failure.getCause());
        } catch (TransactionException databaseUnreachable) {
            throw new TransientDataAccessResourceException("cannot schedule " + task.code(), databaseUnreachable);
        }
    }

    private void store(JobDetail job, Trigger trigger) {
        try {
            if (!scheduler.checkExists(job.getKey())) {
                scheduler.scheduleJob(job, trigger);
            }
        } catch (ObjectAlreadyExistsException raceWithAnotherNode) {
            // scheduled already; the trigger is the same
        } catch (SchedulerException e) {
            throw new StoreFailure(e);
        }
    }

    /** Carries a checked scheduler failure out of the transaction callback. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SchedulerException cause) {
            super(cause);
        }
    }

    /** Removes the task's trigger; true if there was one to remove (it had not fired yet). */
    public boolean unschedule(long taskId) {
        Boolean deleted = transactions.execute(status -> {
            try {
                return scheduler.deleteJob(jobKey(taskId));
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot unschedule T" + taskId, e);
            }
        });
        return Boolean.TRUE.equals(deleted);
    }

    static JobKey jobKey(long taskId) {
        return JobKey.jobKey("T" + taskId, GROUP);
    }

    static TriggerKey triggerKey(long taskId) {
        return TriggerKey.triggerKey("T" + taskId, GROUP);
    }
}
