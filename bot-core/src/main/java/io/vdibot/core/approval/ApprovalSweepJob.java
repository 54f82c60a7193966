package io.vdibot.core.approval;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quartz job behind {@link ApprovalTimeouts}: one trigger for the cluster, fired on one node at a time. */
@DisallowConcurrentExecution
public class ApprovalSweepJob implements Job {

    private ApprovalTimeouts timeouts;

    /** Set by Spring Boot's job factory, which autowires job instances. */
    @Autowired
    public void setApprovalTimeouts(ApprovalTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        timeouts.sweep();
    }
}
