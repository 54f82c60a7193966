package io.vdibot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskApproval;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On-call notices are written whole in the language of each platform's on-call channel. */
class OnCallNoticesTest {

    private final OnCallInbox slack = new OnCallInbox(Platform.SLACK);
    private final OnCallInbox teams = new OnCallInbox(Platform.TEAMS);
    private final OnCallInbox console = new OnCallInbox(Platform.CONSOLE);

    @Test
    void eachChannelReadsTheNoticeInItsOwnLanguage() {
        OnCallNotices notices = notices(new OnCallLanguages(Locale.ENGLISH, Map.of(Platform.SLACK, Locale.CHINA)));
        Text summary = Text.of("vm.create.summary", "web01", "dc1", "10.0.0.5");

        notices.succeeded(task(Locale.CHINA), summary, summary.in(Messages.forLocale(Locale.CHINA)));

        assertThat(slack.said()).isEqualTo("Alice Martin 提交的任务 T1030（vm.create）已成功完成。\n"
                + "站点 dc1：已在站点 dc1 创建虚拟机 web01，IP 地址为 10.0.0.5。");
        assertThat(teams.said()).isEqualTo("Task T1030 (vm.create) requested by Alice Martin succeeded.\n"
                + "Site dc1: " + summary.in(Messages.forLocale(Locale.ENGLISH)));
        assertThat(console.said()).isEqualTo(teams.said());
    }

    @Test
    void aReasonOnlyTheRequesterCanReadIsReplacedByWhereToReadIt() {
        OnCallNotices notices = notices(OnCallLanguages.of(Locale.ENGLISH));

        notices.failed(task(Locale.CHINA), null, "引擎拒绝：磁盘空间不足");

        assertThat(console.said()).isEqualTo("Task T1030 (vm.create) requested by Alice Martin failed.\n"
                + "Site dc1: /vdi logs T1030");
        notices.failed(task(Locale.ENGLISH), null, "The engine refused: no space left");
        assertThat(console.said()).startsWith("Task T1030 (vm.create) requested by Alice Martin failed: The engine");
    }

    @Test
    void aReasonThatIsAMessageIsSaidInTheOnCallLanguage() {
        OnCallNotices notices = notices(OnCallLanguages.of(Locale.CHINA));

        notices.failed(task(Locale.ENGLISH), Text.of("task.status.interrupted"), "interrupted");

        assertThat(console.said()).startsWith("Alice Martin 提交的任务 T1030（vm.create）失败：")
                .doesNotContain("interrupted");
    }

    private OnCallNotices notices(OnCallLanguages languages) {
        return new OnCallNotices(new Notifiers(List.of(slack, teams, console), languages), languages.fallback(),
                mock(TaskLogRepository.class), Optional.empty(), Locale.ENGLISH);
    }

    /** A task of T1030 ({@code vm.create} at dc1, requested by Alice Martin) in {@code locale}. */
    private static TaskRecord task(Locale locale) {
        return new TaskRecord(1030, "vm.create", "{}", TaskStatus.SUCCEEDED, "dc1",
                new Requester(Platform.CONSOLE, "alice", "alice", "Alice Martin"), locale, ZoneOffset.UTC, null,
                null, Instant.parse("2026-12-01T08:00:00Z"), Instant.now(), Instant.now(), null, null,
                new TaskApproval(false, null, null, null), null, null, null, 0, null);
    }

    /** A chat platform that keeps the on-call notices it is given. */
    private static final class OnCallInbox extends QuietChat {
        private final List<Reply> notices = new ArrayList<>();

        OnCallInbox(Platform platform) {
            super(platform);
        }

        /** The notice's own two lines, without the log summary that follows them. */
        String said() {
            String[] lines = notices.get(notices.size() - 1).plainText().strip().split("\n");
            return lines[0] + "\n" + lines[1];
        }

        @Override
        public void notifyOnCall(Reply reply) {
            notices.add(reply);
        }
    }
}
