package io.vdibot.persistence;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The QRTZ_ tables are proven by running Quartz's clustered JDBC job store on them. */
class QuartzJobStoreTest {

    private static final ConcurrentHashMap<String, CountDownLatch> FIRED = new ConcurrentHashMap<>();

    @Test
    void twoClusteredSchedulersShareTheTablesAndAJobFiresExactlyOnce() throws Exception {
        DataSource dataSource = TestDatabase.dataSource();
        String schedulerName = TestDatabase.unique("vdibot-quartz");
        DBConnectionManager.getInstance().addConnectionProvider(schedulerName, new DataSourceProvider(dataSource));
        Scheduler nodeA = scheduler(schedulerName, "node-a");
        Scheduler nodeB = scheduler(schedulerName, "node-b");
        String jobKey = TestDatabase.unique("job");
        CountDownLatch fired = new CountDownLatch(1);
        FIRED.put(jobKey, fired);
        try {
            nodeA.start();
            nodeB.start();
            JobDetail job = JobBuilder.newJob(RecordingJob.class)
                    .withIdentity(jobKey, "tasks")
                    .usingJobData("key", jobKey)
                    .requestRecovery()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(jobKey, "tasks").startNow().build();
            nodeA.scheduleJob(job, trigger);

            assertThat(fired.await(30, TimeUnit.SECONDS)).as("job fired").isTrue();
            assertThat(awaitCheckIns(dataSource, schedulerName, 2)).containsExactly("node-a", "node-b");
            Thread.sleep(1_000);
            assertThat(fired.getCount()).isZero();
            assertThat(RecordingJob.runs(jobKey)).as("fired once across the cluster").isEqualTo(1);
        } finally {
            nodeA.shutdown(true);
            nodeB.shutdown(true);
            FIRED.remove(jobKey);
        }
    }

    /** Each node records itself in QRTZ_SCHEDULER_STATE at its first cluster check-in. */
    private static List<String> awaitCheckIns(DataSource dataSource, String schedulerName, int nodes)
            throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> checkedIn;
        do {
            checkedIn = jdbc.sql("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?"
                            + " ORDER BY INSTANCE_NAME")
                    .param(schedulerName)
                    .query(String.class)
                    .list();
            if (checkedIn.size() >= nodes) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return checkedIn;
    }

    private static Scheduler scheduler(String schedulerName, String instanceId) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", schedulerName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "500");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide registry; two cluster nodes in one JVM need
        // the first one out of it before the second is created.
        SchedulerRepository.getInstance().remove(schedulerName);
        return scheduler;
    }

    /** Counts its runs per job key; Quartz instantiates it by reflection. */
    public static final class RecordingJob implements Job {

        private static final ConcurrentHashMap<String, Integer> RUNS = new ConcurrentHashMap<>();

        static int runs(String key) {
            return RUNS.getOrDefault(key, 0);
        }

        @Override
        public void execute(JobExecutionContext context) {
            String key = context.getMergedJobDataMap().getString("key");
            RUNS.merge(key, 1, Integer::sum);
            CountDownLatch latch = FIRED.get(key);
            if (latch != null) {
                latch.countDown();
            }
        }
    }

    private record DataSourceProvider(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the test suite
        }

        @Override
        public void initialize() {
            // nothing to prepare
        }
    }
}
