package io.vdibot.persistence;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMigrationTest {

    @Test
    void migratesAnEmptyDatabaseOnceAndThenHasNothingToDo() {
        try (HikariDataSource empty = TestDatabase.emptyDatabase()) {
            JdbcClient jdbc = JdbcClient.create(empty);
            assertThat(tables(jdbc)).isEmpty();

            int first = Database.migrate(empty);
            int second = Database.migrate(empty);

            assertThat(first).isEqualTo(12);
            assertThat(second).isZero();
            assertThat(tables(jdbc)).contains(
                    "task", "task_step", "task_log", "thread_message", "resource_lease", "conversation_ref", "audit_event",
                    "identity_binding", "object_owner",
                    "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS",
                    "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS",
                    "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS");
        }
    }

    @Test
    void nodesStartingTogetherApplyEachMigrationOnceBetweenThem() throws Exception {
        try (HikariDataSource empty = TestDatabase.emptyDatabase()) {
            List<Integer> applied = Concurrently.run(3, node -> Database.migrate(empty));

            assertThat(applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
            assertThat(JdbcClient.create(empty)
                    .sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                    .query(String.class).list())
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        }
    }

    @Test
    void everyTableIsInnoDbInUtf8mb4WithAPrimaryKeyAsGaleraRequires() {
        try (HikariDataSource empty = TestDatabase.emptyDatabase()) {
            Database.migrate(empty);
            JdbcClient jdbc = JdbcClient.create(empty);

            List<String> notInnoDbOrNotUtf8mb4 = jdbc.sql("""
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'
                              AND (engine <> 'InnoDB' OR table_collation NOT LIKE 'utf8mb4%')
                            """)
                    .query(String.class).list();
            List<String> withoutPrimaryKey = jdbc.sql("""
                            SELECT t.table_name FROM information_schema.tables t
                            WHERE t.table_schema = DATABASE() AND NOT EXISTS (
                                SELECT 1 FROM information_schema.table_constraints c
                                WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                  AND c.constraint_type = 'PRIMARY KEY')
                            """)
                    .query(String.class).list();

            assertThat(notInnoDbOrNotUtf8mb4).isEmpty();
            assertThat(withoutPrimaryKey).isEmpty();
        }
    }

    @Test
    void taskIdsStartAtOneThousand() {
        try (HikariDataSource empty = TestDatabase.emptyDatabase()) {
            Database.migrate(empty);

            Long nextId = JdbcClient.create(empty)
                    .sql("SELECT auto_increment FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_name = 'task'")
                    .query(Long.class).single();

            assertThat(nextId).isEqualTo(1000L);
        }
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list();
    }
}
