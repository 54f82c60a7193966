package io.vdibot.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Audit events are read back newest first by user, task and time, and can be neither changed nor removed. */
class AuditLogTest {

    private final AuditLog audit = new AuditLog(TestDatabase.dataSource());

    @Test
    void eventsAreFoundByUserTaskAndTimeNewestFirst() {
        String uid = TestDatabase.unique("auditor");
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        audit.append(new AuditEvent(t0, Platform.SLACK, "U1", uid, "vm.create", "/vdi vm create a", "accepted",
                "alice may vdi:vm:create", 4242L));
        audit.append(new AuditEvent(t0.plusSeconds(60), Platform.SLACK, "U1", uid, null, "/vdi frobnicate",
                "invalid", "arg.unknown-command", null));
        audit.append(new AuditEvent(t0.plusSeconds(120), Platform.TEAMS, "aad-1", uid.toUpperCase(), "pool.delete",
                "pool delete p", "denied", "no role", null));

        AuditLog.Page mine = audit.find(new AuditLog.Criteria(uid, null, null), 0, 10);
        assertThat(mine.total()).isEqualTo(3);
        assertThat(mine.events()).extracting(AuditEvent::decision).containsExactly("denied", "invalid", "accepted");
        assertThat(audit.find(new AuditLog.Criteria(uid, 4242L, null), 0, 10).events())
                .singleElement().extracting(AuditEvent::commandText).isEqualTo("/vdi vm create a");
        assertThat(audit.find(new AuditLog.Criteria(uid, null, t0.plusSeconds(60)), 0, 10).total()).isEqualTo(2);
        assertThat(mine.events().get(1).taskId()).isNull();
    }

    @Test
    void anEventCanBeNeitherChangedNorRemoved() {
        String uid = TestDatabase.unique("tamper");
        audit.append(new AuditEvent(Instant.now(), Platform.CONSOLE, "mallory", uid, "pool.delete", "pool delete p",
                "denied", "no role", null));
        JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET decision = 'allowed' WHERE directory_uid = :uid")
                .param("uid", uid).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE directory_uid = :uid")
                .param("uid", uid).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(audit.find(new AuditLog.Criteria(uid, null, null), 0, 10).events())
                .singleElement().extracting(AuditEvent::decision).isEqualTo("denied");
    }
}
