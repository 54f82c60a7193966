package io.vdibot.core.audit;

import io.vdibot.commands.audit.AuditRequest;
import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.audit.AuditEvent;
import io.vdibot.persistence.audit.AuditLog;
import io.vdibot.persistence.task.TaskCodes;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** {@code /vdi audit}: the audit trail, newest first, a page at a time, in the reader's zone. */
final class AuditHandler implements QueryHandler<AuditRequest> {

    private static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog log;

    AuditHandler(AuditLog log) {
        this.log = log;
    }

    @Override
    public Class<AuditRequest> requestType() {
        return AuditRequest.class;
    }

    @Override
    public Reply handle(AuditRequest request, Asker scope) {
        Messages messages = scope.messages();
        Long taskId = request.taskId() == null ? null : TaskCodes.parse(request.taskId()).orElse(-1L);
        AuditLog.Page page = log.find(new AuditLog.Criteria(request.user(), taskId, request.since()),
                (request.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        if (page.events().isEmpty()) {
            return Reply.text(messages.format("audit.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditEvent event : page.events()) {
            rows.add(List.of(TIME.withZone(scope.zone()).format(event.at()),
                    event.directoryUid() != null ? event.directoryUid() : event.platformUserId(),
                    event.platform().name().toLowerCase(java.util.Locale.ROOT),
                    messages.format("audit.decision." + event.decision()),
                    event.taskId() == null ? "" : TaskCodes.format(event.taskId()),
                    event.commandText() == null ? "" : event.commandText()));
        }
        Reply.Builder reply = Reply.builder().table(List.of(messages.format("audit.column.time", scope.zone().getId()),
                messages.format("audit.column.user"), messages.format("audit.column.platform"),
                messages.format("audit.column.decision"), messages.format("audit.column.task"),
                messages.format("audit.column.command")), rows);
        long more = page.total() - (long) request.page() * PAGE_SIZE;
        if (more > 0) {
            reply.text(messages.format("audit.more", more, nextPage(request)));
        }
        return reply.build();
    }

    private static String nextPage(AuditRequest request) {
        StringBuilder line = new StringBuilder("/vdi audit");
        if (request.user() != null) {
            line.append(" user=").append(request.user());
        }
        if (request.taskId() != null) {
            line.append(" task=").append(request.taskId());
        }
        return line.append(" page=").append(request.page() + 1).toString();
    }
}
