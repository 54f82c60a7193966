package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.common.TaskStatusLines;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.connector.Address;
import io.vdibot.adapters.teams.connector.ConnectorApi;
import io.vdibot.adapters.teams.connector.ConnectorException;
import io.vdibot.adapters.teams.connector.InlineImage;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadNotifier;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.ImageBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TextBlock;
import io.vdibot.commands.reply.TextStyle;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the core says, in Teams. A task's first message in a conversation is its status card (the submitted form's
 * card itself when the task came from a form), edited in place (coalesced by {@link CardUpdates}) to show how the task
 * is getting on: its progress and milestones ({@link TaskStatusLines}) go there rather than into messages of their
 * own, so a personal chat gets one card per task plus its result. Everything else is a reply in the same thread (a
 * warning, the result, the log summary), and the status card also shows the latest of those. Answers that are not
 * about a task go into the thread where they were asked, or onto the clicked card. Images (dashboard charts) follow
 * the cards in the same thread as inline images. Approval cards go to the configured approvers' channel
 * ({@link TeamsApprovals}); on-call notices go to the configured people and channels through stored conversation
 * references.
 */
final class TeamsThreadNotifier implements ThreadNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsThreadNotifier.class);

    private final ConnectorApi connector;
    private final TeamsSettings settings;
    private final CardRenderer renderer;
    private final TeamsThreadStore store;
    private final CardUpdates updates;
    private final TeamsApprovals approvals;
    private final TeamsForms forms;
    private final Conversations conversations;
    private final PendingAnswers pending;
    private final Map<String, Object> taskLocks = new ConcurrentHashMap<>();
    /** What each status card first said, kept above the latest line. */
    private final Map<String, Reply> firstReplies = new ConcurrentHashMap<>();
    private final TaskStatusLines statusLines = new TaskStatusLines();
    private final FullTables tables;

    TeamsThreadNotifier(ConnectorApi connector, TeamsSettings settings, CardRenderer renderer, TeamsThreadStore store,
                        CardUpdates updates, TeamsApprovals approvals, TeamsForms forms, Conversations conversations,
                        PendingAnswers pending, FullTables tables) {
        this.connector = connector;
        this.settings = settings;
        this.renderer = renderer;
        this.store = store;
        this.updates = updates;
        this.approvals = approvals;
        this.forms = forms;
        this.conversations = conversations;
        this.pending = pending;
        this.tables = tables;
    }

    @Override
    public MessageHandle post(ThreadRef thread, Reply reply) {
        try {
            String click = thread.extras().get(TeamsThreads.CLICK);
            String task = thread.taskCode();
            if (task != null) {
                return postInTaskThread(thread, task, reply);
            }
            if ("approval".equals(click)) {
                return approvals.answer(thread, reply);
            }
            if ("form".equals(click)) {
                return forms.answer(thread, reply);
            }
            return answer(thread, reply);
        } catch (ConnectorException | RuntimeException e) {
            LOG.warn("could not post in Teams conversation {}: {}", thread.channelId(), e.getMessage());
            return null;
        }
    }

    @Override
    public void update(MessageHandle message, Reply reply) {
        ThreadRef thread = message.thread();
        if (thread.extras().get(TeamsThreads.SERVICE_URL) == null) {
            return;
        }
        String task = thread.taskCode();
        Optional<TeamsThreadStore.CardRoot> root = task == null ? Optional.empty()
                : store.find(task, TeamsThreadStore.STATUS);
        if (root.isPresent() && message.messageId().equals(root.get().activityId())
                && TaskStatusLines.folds(reply)) {
            statusLines.fold(task, reply);
            mirror(task, root.get(), null);
            return;
        }
        CardRenderer.Rendered rendered = renderer.render(reply);
        updates.submit(TeamsThreads.address(thread), message.messageId(),
                new Outgoing(rendered.summary(), rendered.first()));
        root.filter(r -> !message.messageId().equals(r.activityId())).ifPresent(r -> mirror(task, r, reply));
    }

    @Override
    public void notifyApprovers(ThreadRef requestThread, Reply question) {
        try {
            approvals.ask(requestThread.taskCode(), question);
        } catch (ConnectorException | RuntimeException e) {
            LOG.warn("could not ask the approvers of {} in Teams: {}", requestThread.taskCode(), e.getMessage());
        }
    }

    @Override
    public void remindApprovers(ThreadRef requestThread, Reply reminder) {
        try {
            approvals.remind(requestThread.taskCode(), reminder);
        } catch (ConnectorException | RuntimeException e) {
            LOG.warn("could not remind the approvers of {} in Teams: {}", requestThread.taskCode(), e.getMessage());
        }
    }

    @Override
    public void closeApproval(ThreadRef requestThread, Reply closed) {
        try {
            approvals.close(requestThread.taskCode(), closed);
        } catch (ConnectorException | RuntimeException e) {
            LOG.warn("could not close the approval card of {} in Teams: {}", requestThread.taskCode(),
                    e.getMessage());
        }
    }

    /** A click on the card's button was answered with the decided card ({@link TeamsApprovals}); a typed one was not. */
    @Override
    public void approvalDecided(ThreadRef requestThread, ThreadRef decidedIn, Reply closed) {
        if (!decidedIn.extras().containsKey(TeamsThreads.DECIDES)) {
            closeApproval(requestThread, closed);
        }
    }

    @Override
    public void notifyOnCall(Reply reply) {
        CardRenderer.Rendered rendered = renderer.render(reply);
        for (String target : settings.onCall()) {
            try {
                Optional<Address> address = conversations.reach(target);
                if (address.isPresent()) {
                    send(address.get(), null, rendered, 0);
                }
            } catch (ConnectorException | RuntimeException e) {
                LOG.warn("could not reach on-call target {} in Teams: {}", target, e.getMessage());
            }
        }
    }

    /** A reply in the conversation or channel thread where the request was made. */
    private MessageHandle answer(ThreadRef thread, Reply reply) throws ConnectorException {
        CardRenderer.Rendered rendered = renderer.render(reply);
        String first = send(TeamsThreads.address(thread), thread.threadId(), rendered, 0);
        return new MessageHandle(thread, first == null ? "-" : first);
    }

    private MessageHandle postInTaskThread(ThreadRef thread, String task, Reply reply) throws ConnectorException {
        Object lock = taskLocks.computeIfAbsent(task, k -> new Object());
        synchronized (lock) {
            Optional<TeamsThreadStore.CardRoot> known = store.find(task, TeamsThreadStore.STATUS);
            if (known.isPresent() && TaskStatusLines.folds(reply) && known.get().activityId() != null) {
                // a line folded into the status card is never sent, so it is not rendered (nor its tables kept)
                TeamsThreadStore.CardRoot root = known.get();
                Address address = new Address(root.serviceUrl(), root.conversationId(), root.tenantId());
                statusLines.fold(task, reply);
                mirror(task, root, null);
                return new MessageHandle(withAddress(thread, address), root.activityId());
            }
            // a long table is shown in part with a "show all" action, so the result stays one card
            CardRenderer.Rendered rendered = renderer.render(reply,
                    table -> TeamsTableHandler.showAll(tables, table, settings.locale()));
            if (known.isEmpty()) {
                Address address = TeamsThreads.address(thread);
                String cardId = thread.extras().get(TeamsThreads.CARD);
                String statusId;
                Outgoing status = new Outgoing(rendered.summary(), rendered.first());
                if ("form".equals(thread.extras().get(TeamsThreads.CLICK)) && cardId != null) {
                    // the submitted form's card turns into the task's status card
                    if (!pending.complete(thread.extras().get(TeamsThreads.PENDING), rendered.first())) {
                        connector.update(address, cardId, status);
                    }
                    statusId = cardId;
                } else {
                    statusId = sendInThread(address, thread.threadId(), status);
                }
                store.save(task, TeamsThreadStore.STATUS, new TeamsThreadStore.CardRoot(address.serviceUrl(),
                        address.tenantId(), address.conversationId(), statusId, thread.threadId(),
                        CardRenderer.summary(reply), null));
                firstReplies.put(task, reply);
                // the first card is the status card, sent above
                send(address, thread.threadId(), rendered, 1);
                return new MessageHandle(thread, statusId == null ? "-" : statusId);
            }
            TeamsThreadStore.CardRoot root = known.get();
            Address address = new Address(root.serviceUrl(), root.conversationId(), root.tenantId());
            statusLines.posted(task);
            String id = send(address, root.replyTo(), rendered, 0);
            mirror(task, root, reply);
            return new MessageHandle(withAddress(thread, address), id == null ? "-" : id);
        }
    }

    /**
     * The reply's cards from the one numbered {@code from}, then its images, each an inline image in a message of its
     * own under its description; the id of the first card sent, or null.
     */
    private String send(Address address, String replyTo, CardRenderer.Rendered rendered, int from)
            throws ConnectorException {
        String first = null;
        for (ObjectNode card : rendered.cards().subList(from, rendered.cards().size())) {
            String id = sendInThread(address, replyTo, new Outgoing(rendered.summary(), card));
            first = first == null ? id : first;
        }
        for (ImageBlock image : rendered.images()) {
            sendInThread(address, replyTo, Outgoing.image(image.altText(),
                    new InlineImage(image.filename(), image.mimeType(), image.data())));
        }
        return first;
    }

    /**
     * The status card: what it first said, the latest milestone and step, then the latest line posted in its thread
     * ({@code latest}, null when the status lines changed).
     */
    private void mirror(String task, TeamsThreadStore.CardRoot root, Reply latest) {
        Reply first = firstReplies.get(task);
        Reply.Builder status = Reply.builder();
        if (first != null) {
            status.tone(first.tone());
            first.blocks().forEach(status::block);
        } else {
            status.text(root.headline());
        }
        TaskStatusLines.Lines lines = statusLines.of(task);
        line(status, lines.milestone());
        line(status, lines.step());
        if (latest != null && !CardRenderer.summary(latest).isEmpty()) {
            status.tone(latest.tone() == Reply.Tone.INFO && first != null ? first.tone() : latest.tone());
            line(status, latest);
        }
        CardRenderer.Rendered rendered = renderer.render(status.build());
        updates.submit(new Address(root.serviceUrl(), root.conversationId(), root.tenantId()), root.activityId(),
                new Outgoing(rendered.summary(), rendered.first()));
    }

    private static void line(Reply.Builder status, Reply said) {
        String line = said == null ? "" : CardRenderer.summary(said);
        if (!line.isEmpty()) {
            status.block(new TextBlock("\u21B3 " + line, TextStyle.PLAIN));
        }
    }

    private String sendInThread(Address address, String replyTo, Outgoing message) throws ConnectorException {
        return replyTo == null ? connector.send(address, message) : connector.reply(address, replyTo, message);
    }

    private static ThreadRef withAddress(ThreadRef thread, Address address) {
        Map<String, String> extras = new java.util.HashMap<>(thread.extras());
        extras.put(TeamsThreads.SERVICE_URL, address.serviceUrl());
        if (address.tenantId() != null) {
            extras.put(TeamsThreads.TENANT, address.tenantId());
        }
        String conversation = address.conversationId();
        int cut = conversation.indexOf(TeamsThreads.MESSAGE_ID);
        String channel = cut < 0 ? conversation : conversation.substring(0, cut);
        String threadId = cut < 0 ? null : conversation.substring(cut + TeamsThreads.MESSAGE_ID.length());
        return new ThreadRef(thread.platform(), channel, threadId, thread.taskCode(), extras);
    }
}
