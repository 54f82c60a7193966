package io.vdibot.rhev.support;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.handler.ProgressSink;
import io.vdibot.commands.handler.StepJournal;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskLog;
import io.vdibot.commands.handler.TaskOutcome;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task context that records everything a handler writes: logs, progress lines and milestones. */
public final class RecordingTask implements TaskContext, TaskLog, ProgressSink {

    private final String taskCode;
    private final TaskRequest request;
    private final String site;
    private final Messages messages;
    private final InMemoryJournal journal;
    private final boolean resumed;
    private final List<String> deploy = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<Reply> milestones = new CopyOnWriteArrayList<>();

    public RecordingTask(String taskCode, TaskRequest request, String site, Locale locale, InMemoryJournal journal,
            boolean resumed) {
        this.taskCode = taskCode;
        this.request = request;
        this.site = site;
        this.messages = Messages.forLocale(locale);
        this.journal = journal;
        this.resumed = resumed;
    }

    /** Runs the task's request through {@code handler}, as the core does once it found the handler by type. */
    public static <R extends TaskRequest> TaskOutcome run(TaskHandler<R> handler, RecordingTask task) {
        return handler.execute(handler.requestType().cast(task.request()), task);
    }

    public static RecordingTask of(String taskCode, TaskRequest request, String site) {
        return new RecordingTask(taskCode, request, site, Locale.ENGLISH, new InMemoryJournal(), false);
    }

    @Override
    public String taskCode() {
        return taskCode;
    }

    @Override
    public TaskRequest request() {
        return request;
    }

    @Override
    public String site() {
        return site;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Europe/Paris");
    }

    @Override
    public StepJournal steps() {
        return journal;
    }

    public InMemoryJournal journal() {
        return journal;
    }

    @Override
    public TaskLog log() {
        return this;
    }

    @Override
    public ProgressSink progress() {
        return this;
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public void deploy(String message) {
        deploy.add(message);
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }

    @Override
    public void progress(String text) {
        progress.add(text);
    }

    @Override
    public void milestone(Reply reply) {
        milestones.add(reply);
    }

    public List<String> deployLog() {
        return List.copyOf(deploy);
    }

    public List<String> errorLog() {
        return List.copyOf(errors);
    }

    public List<String> progressLines() {
        return List.copyOf(progress);
    }

    public List<Reply> milestones() {
        return List.copyOf(milestones);
    }
}
