package io.vdibot.core.audit;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.persistence.audit.AuditLog;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail: its recorder and {@code /vdi audit}. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }

    @Bean
    public Auditor auditor(AuditLog log, Clock clock) {
        return new Auditor(log, clock);
    }

    @Bean
    public QueryHandler<?> auditHandler(AuditLog log) {
        return new AuditHandler(log);
    }
}
