package io.vdibot.core.pipeline;

import io.vdibot.commands.help.HelpRequest;
import io.vdibot.commands.help.ParseErrorReply;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.InputLimits;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.core.command.HandlerRegistry;
import io.vdibot.core.audit.Auditor;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.IdentityMismatchException;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.permission.AccessHowTo;
import io.vdibot.core.permission.Decision;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.intake.TaskIntake;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one path every request takes: identity → directory entry → parse → permission → task intake or
 * query handler. {@link #submit} only queues, so adapters can ack within their platform's deadline.
 */
public final class RequestPipeline implements CommandGateway {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

    private final IdentityResolver identities;
    private final PermissionPolicy permissions;
    private final CommandRegistry registry;
    private final TaskIntake intake;
    private final HandlerRegistry handlers;
    private final Notifiers notifiers;
    private final WorkTracker work;
    private final InOrderPerKey executor;
    private final Clock clock;
    private final VdibotProperties properties;
    private final InputLimits limits;
    private final Auditor auditor;
    private final AccessHowTo accessHowTo;

    public RequestPipeline(IdentityResolver identities, PermissionPolicy permissions, CommandRegistry registry,
            TaskIntake intake, HandlerRegistry handlers, Notifiers notifiers, WorkTracker work,
            ExecutorService executor, Clock clock, VdibotProperties properties, InputLimits limits, Auditor auditor,
            AccessHowTo accessHowTo) {
        this.identities = identities;
        this.permissions = permissions;
        this.registry = registry;
        this.intake = intake;
        this.handlers = handlers;
        this.notifiers = notifiers;
        this.work = work;
        this.executor = new InOrderPerKey(executor);
        this.clock = clock;
        this.properties = properties;
        this.limits = limits;
        this.auditor = auditor;
        this.accessHowTo = accessHowTo;
    }

    @Override
    public void submit(Envelope envelope) {
        work.started();
        try {
            executor.execute(orderKey(envelope), () -> {
                try {
                    process(envelope);
                } finally {
                    work.finished();
                }
            });
        } catch (RuntimeException rejected) {
            work.finished();
            throw rejected;
        }
    }

    void process(Envelope envelope) {
        MDC.put("platform", envelope.identity().platform().name());
        MDC.put("user", envelope.identity().userId());
        Messages fallback = Messages.forLocale(envelope.locale() != null ? envelope.locale()
                : properties.defaultLocale());
        try {
            Optional<DirectoryUser> user;
            try {
                user = identities.resolve(envelope.identity().platform(), envelope.identity().userId(),
                        envelope.identity().email());
            } catch (DirectoryUnavailableException e) {
                LOG.warn("directory unreachable while resolving a chat user: {}", e.getMessage());
                auditor.record(envelope, null, null, Auditor.DENIED, "directory unavailable", null);
                reply(envelope, Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.ERROR)
                        .text(fallback.format("reply.directory-unavailable")).build());
                return;
            } catch (IdentityMismatchException mismatch) {
                refuseMismatch(envelope, fallback, mismatch);
                return;
            }
            if (user.isEmpty() && !asksForHelp(envelope, fallback)) {
                auditor.record(envelope, null, null, Auditor.DENIED, "no directory user for this chat identity", null);
                reply(envelope, noAccess(fallback, "reply.unknown-user"));
                return;
            }
            RequestScope scope = scope(envelope, user.orElseGet(() -> stranger(envelope)));
            MDC.put("user", scope.user().uid());
            ParseContext context = new ParseContext(scope.zone(), clock, limits);
            ParseResult<VdiRequest> parsed = envelope.hasForm()
                    ? registry.parseForm(envelope.formId(), envelope.formValues(), context)
                    : registry.parse(envelope.text(), context);
            if (parsed instanceof ParseResult.Invalid<VdiRequest> invalid) {
                auditor.record(envelope, scope.user(), null, Auditor.INVALID, String.join(", ",
                        invalid.errors().stream().map(e -> e.field() + ":" + e.key()).toList()), null);
                reply(envelope, ParseErrorReply.render(invalid, scope.messages()));
                return;
            }
            VdiRequest request = parsed.request();
            MDC.put("command", request.commandId());
            Decision decision = permissions.check(scope.user(), registry.specOf(request).permission());
            for (String extra : request.additionalPermissions()) {
                decision = decision.denied() ? decision : permissions.check(scope.user(), extra);
            }
            if (decision.denied()) {
                LOG.info("denied {}: {}", request.commandId(), decision.auditReason());
                auditor.record(envelope, scope.user(), request, Auditor.DENIED, decision.auditReason(), null);
                reply(envelope, permissions.rolesOf(scope.user()).isEmpty()
                        ? noAccess(scope.messages(), "reply.no-role")
                        : Reply.refusal(scope.messages().format("reply.denied")));
                return;
            }
            if (request instanceof TaskRequest taskRequest) {
                intake.accept(taskRequest, scope);
                return;
            }
            auditor.record(envelope, scope.user(), request, Auditor.ALLOWED, decision.auditReason(), null);
            reply(envelope, handlers.queryHandler(request).handle(request, scope));
        } catch (RuntimeException unexpected) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("request failed, reference {}", reference, unexpected);
            reply(envelope, errorReply(fallback.format("reply.internal-error", reference)));
        } finally {
            MDC.clear();
        }
    }

    /**
     * Whether someone the directory does not know asks for the help, which is open to everyone the platform lets
     * through: the only request they may make.
     */
    private boolean asksForHelp(Envelope envelope, Messages messages) {
        if (envelope.hasForm()) {
            return false;
        }
        ZoneId zone = envelope.zone() != null ? envelope.zone() : properties.defaultZone();
        ParseResult<VdiRequest> parsed = registry.parse(envelope.text(), new ParseContext(zone, clock, limits));
        return !(parsed instanceof ParseResult.Invalid<VdiRequest>) && parsed.request() instanceof HelpRequest;
    }

    /** Someone the directory does not know, for the help they may read: no group, so no role. */
    private static DirectoryUser stranger(Envelope envelope) {
        String platform = envelope.identity().platform().name().toLowerCase(Locale.ROOT);
        return new DirectoryUser(platform + ":" + envelope.identity().userId(), envelope.identity().displayName(),
                null, Set.of(), Optional.empty(), Optional.empty());
    }

    /** A refusal to someone without access ({@code key}), followed by how to get it. */
    private Reply noAccess(Messages messages, String key) {
        return Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.WARNING).text(messages.format(key))
                .text(accessHowTo.text(messages)).build();
    }

    /** The account speaks for someone else than it did: refuse, and tell the people who can re-bind it. */
    private void refuseMismatch(Envelope envelope, Messages messages, IdentityMismatchException mismatch) {
        LOG.warn("chat account {}:{} refused: {}", envelope.identity().platform(), envelope.identity().userId(),
                mismatch.getMessage());
        auditor.record(envelope, null, null, Auditor.DENIED, "identity mismatch: " + mismatch.getMessage(), null);
        reply(envelope, Reply.refusal(messages.format("reply.identity-mismatch", mismatch.boundUid(),
                mismatch.foundUid())));
        notifiers.notifyOnCall(oncall -> Reply.builder().kind(Reply.Kind.NOTICE).tone(Reply.Tone.WARNING)
                .text(oncall.format("identity.mismatch.notice", envelope.identity().platform().name().toLowerCase(
                        Locale.ROOT), envelope.identity().userId(), mismatch.boundUid(), mismatch.foundUid()))
                .build());
    }

    /** One user's requests are taken in the order they came, so their tasks are numbered in that order. */
    private static String orderKey(Envelope envelope) {
        return envelope.identity().platform() + ":" + envelope.identity().userId();
    }

    private RequestScope scope(Envelope envelope, DirectoryUser user) {
        Locale locale = envelope.locale() != null ? envelope.locale()
                : user.locale().orElse(properties.defaultLocale());
        // The directory is the source of truth for a user's zone; the platform's is a fallback.
        ZoneId zone = user.zone().orElse(envelope.zone() != null ? envelope.zone() : properties.defaultZone());
        return new RequestScope(envelope, user, Messages.forLocale(locale), zone,
                permission -> permissions.check(user, permission).allowed());
    }

    private void reply(Envelope envelope, Reply reply) {
        notifiers.post(envelope.thread(), reply);
    }

    private static Reply errorReply(String text) {
        return Reply.builder().tone(Reply.Tone.ERROR).text(text).build();
    }
}
