package io.vdibot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.ParseContext;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Slack sends: slash commands, mentions, direct messages, button clicks, modal submissions, option
 * requests and App Home openings. Each is acknowledged at once (Slack wants the ack within 3 s); identity lookups and
 * the hand-over to the core run afterwards on the adapter's workers. Every hand-over carries an idempotency key made
 * from the payload itself (trigger id, message ts, view id), so Slack's redeliveries and double clicks carry the key
 * of the original and never act twice.
 */
final class SlackInbound {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInbound.class);
    static final String OPEN_FORM = "open_form";
    static final String COMMAND = "/vdi";
    /** Events API retries come after 1 and 5 minutes. */
    static final Duration KEY_TTL = Duration.ofMinutes(15);
    static final Duration CLICK_TTL = Duration.ofSeconds(30);
    private static final Duration OPTIONS_DEADLINE = Duration.ofMillis(2000);
    private static final Pattern TASK_ID = Pattern.compile("[Tt][0-9]{1,18}");
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_OPTION_VALUE = 150;
    private static final Gson GSON = new Gson();

    private final SlackApi api;
    private final SlackSettings settings;
    private final SlackPeople people;
    private final CommandGateway gateway;
    private final CommandRegistry registry;
    private final InventoryLookup inventory;
    private final FormModals modals;
    private final ApprovalCards cards;
    private final HomeBoard home;
    private final RecentKeys recent;
    private final ExecutorService work;
    private final Clock clock;

    SlackInbound(SlackApi api, SlackSettings settings, SlackPeople people, CommandGateway gateway,
                 CommandRegistry registry, InventoryLookup inventory, FormModals modals, ApprovalCards cards,
                 HomeBoard home, RecentKeys recent, ExecutorService work, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.people = people;
        this.gateway = gateway;
        this.registry = registry;
        this.inventory = inventory;
        this.modals = modals;
        this.cards = cards;
        this.home = home;
        this.recent = recent;
        this.work = work;
        this.clock = clock;
    }

    // ---- slash command ----

    Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        String text = SlackText.plain(p.getText()).strip();
        String key = "slack:cmd:" + p.getTriggerId();
        if (!recent.firstSeen(key, KEY_TTL)) {
            return ctx.ack();
        }
        Optional<FormSpec> form = formWithoutArguments(text);
        if (form.isPresent()) {
            work.execute(() -> openForm(p.getTriggerId(), form.get(), p.getUserId(), p.getChannelId(), null,
                    p.getResponseUrl(), COMMAND + " " + text));
            return ctx.ack();
        }
        ThreadRef thread = SlackThreads.conversation(p.getChannelId(), null, p.getUserId(), p.getResponseUrl());
        work.execute(() -> submitText(p.getUserId(), thread, text, key));
        String echo = SlackTexts.forLocale(settings.locale()).format("slack.received", COMMAND + " " + text);
        return ctx.ack(r -> r.responseType("ephemeral").text(BlockKitRenderer.escapeCode(echo)));
    }

    // ---- mentions and direct messages ----

    Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getUser() == null) {
            return ctx.ack();
        }
        // Slash commands do not work in threads; a mention does, and answers go to the thread it was made in.
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        onMessage(event.getChannel(), event.getTs(), thread, event.getUser(),
                SlackText.withoutLeadingMentions(event.getText()), ctx.getRetryNum());
        return ctx.ack();
    }

    Response onDirectMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (!"im".equals(event.getChannelType()) || event.getSubtype() != null || event.getBotId() != null
                || event.getUser() == null) {
            return ctx.ack();
        }
        onMessage(event.getChannel(), event.getTs(), event.getThreadTs(), event.getUser(),
                SlackText.withoutLeadingMentions(event.getText()), ctx.getRetryNum());
        return ctx.ack();
    }

    private void onMessage(String channel, String ts, String threadTs, String user, String text, Integer retry) {
        // the message's own channel and ts: the same for every redelivery, and for the same message arriving both
        // as a mention and as a direct message
        String key = "slack:msg:" + channel + ":" + ts;
        if (!recent.firstSeen(key, KEY_TTL)) {
            LOG.debug("redelivery {} of message {} ignored", retry, ts);
            return;
        }
        ThreadRef thread = SlackThreads.conversation(channel, threadTs, user, null);
        Optional<FormSpec> form = formWithoutArguments(text);
        if (form.isPresent()) {
            work.execute(() -> offerForm(thread, form.get(), user));
            return;
        }
        work.execute(() -> submitText(user, thread, text, key));
    }

    // ---- buttons ----

    Response onApprove(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload());
        if (click == null || !TASK_ID.matcher(click.value()).matches()) {
            return ctx.ack();
        }
        String key = "slack:click:" + click.channel() + ":" + click.messageTs() + ":" + click.user() + ":approve";
        if (!recent.firstSeen(key, CLICK_TTL)) {
            return ctx.ack();
        }
        cards.remember(click.channel(), click.messageTs(), request.getPayload().getMessage() == null ? null
                : request.getPayload().getMessage().getBlocks());
        ThreadRef thread = SlackThreads.click(click.channel(), click.messageTs(), click.user(), "approve",
                click.responseUrl());
        work.execute(() -> submitText(click.user(), thread, "approve " + click.value(), key));
        return ctx.ack();
    }

    Response onReject(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload());
        if (click == null || !TASK_ID.matcher(click.value()).matches()) {
            return ctx.ack();
        }
        String key = "slack:click:" + click.channel() + ":" + click.messageTs() + ":" + click.user() + ":reject";
        if (!recent.firstSeen(key, CLICK_TTL)) {
            return ctx.ack();
        }
        cards.remember(click.channel(), click.messageTs(), request.getPayload().getMessage() == null ? null
                : request.getPayload().getMessage().getBlocks());
        String trigger = request.getPayload().getTriggerId();
        work.execute(() -> {
            try {
                api.openView(trigger, modals.reject(click.value().toUpperCase(Locale.ROOT), click.channel(),
                        click.messageTs(), click.user(), click.responseUrl(), texts(click.user())));
            } catch (SlackCallException e) {
                recent.forget(key);
                LOG.info("reject form for {} not opened: {}", click.value(), e.error());
            }
        });
        return ctx.ack();
    }

    Response onRejectSubmit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        View view = p.getView();
        JsonObject meta;
        try {
            meta = GSON.fromJson(view.getPrivateMetadata(), JsonObject.class);
        } catch (RuntimeException e) {
            return ctx.ack();
        }
        String task = string(meta, "task");
        String reason = textValue(view.getState(), FormModals.REASON);
        if (task == null || !TASK_ID.matcher(task).matches()) {
            return ctx.ack();
        }
        if (reason == null || reason.isBlank()) {
            return ctx.ackWithErrors(Map.of(FormModals.REASON,
                    Messages.forLocale(settings.locale()).format("arg.empty", "reason")));
        }
        String key = "slack:view:" + view.getId();
        if (!recent.firstSeen(key, KEY_TTL)) {
            return ctx.ack();
        }
        String user = p.getUser().getId();
        ThreadRef thread = SlackThreads.click(string(meta, "channel"), string(meta, "card"), user, "reject",
                string(meta, "response_url"));
        String line = "reject " + task + " reason=" + SlackText.quoted(reason.strip());
        work.execute(() -> submitText(user, thread, line, key));
        return ctx.ack();
    }

    /** Any other command button ({@code cmd.<id>}): the click submits the command's words and the button's value. */
    Response onCommandButton(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload());
        if (click == null) {
            return ctx.ack();
        }
        String commandId = click.actionId().substring(BlockKitRenderer.COMMAND_ACTION_PREFIX.length());
        Optional<CommandSpec<?>> spec = registry.find(commandId);
        if (spec.isEmpty()) {
            return ctx.ack();
        }
        String key = "slack:click:" + click.channel() + ":" + click.messageTs() + ":" + click.user() + ":"
                + click.actionId() + ":" + click.value();
        if (!recent.firstSeen(key, CLICK_TTL)) {
            return ctx.ack();
        }
        ThreadRef thread = SlackThreads.conversation(click.channel(), click.threadTs(), click.user(),
                click.responseUrl());
        String line = spec.get().wordsText() + " " + click.value();
        work.execute(() -> submitText(click.user(), thread, line, key));
        return ctx.ack();
    }

    Response onOpenFormButton(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload());
        if (click == null) {
            return ctx.ack();
        }
        Optional<FormSpec> form = registry.find(click.value()).flatMap(CommandSpec::form);
        if (form.isPresent()) {
            String trigger = request.getPayload().getTriggerId();
            work.execute(() -> openForm(trigger, form.get(), click.user(), click.channel(), click.threadTs(),
                    click.responseUrl(), COMMAND + " " + registry.require(click.value()).wordsText()));
        }
        return ctx.ack();
    }

    // ---- modals ----

    Response onFormSubmit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        View view = p.getView();
        FormModals.FormContext context = FormModals.FormContext.parse(view.getPrivateMetadata());
        Optional<FormSpec> form = context == null ? Optional.empty()
                : registry.find(context.formId()).flatMap(CommandSpec::form);
        if (form.isEmpty()) {
            return ctx.ack();
        }
        Map<String, String> values = modals.values(form.get(), view.getState(), context.zoneId());
        ParseResult<VdiRequest> parsed = registry.parseForm(form.get().formId(), values,
                new ParseContext(context.zoneId(), clock));
        if (parsed instanceof ParseResult.Invalid<VdiRequest> invalid) {
            Locale locale = context.localeOrNull() != null ? context.localeOrNull() : settings.locale();
            return ctx.ackWithErrors(modals.errors(form.get(), invalid, Messages.forLocale(locale)));
        }
        // A second submission of the same modal (a double click on Submit) has the same view id.
        String key = "slack:view:" + view.getId();
        if (!recent.firstSeen(key, KEY_TTL)) {
            return ctx.ack();
        }
        String user = p.getUser().getId();
        ThreadRef thread = SlackThreads.conversation(context.channel(), context.threadTs(), user, null);
        work.execute(() -> submitForm(user, thread, form.get().formId(), values, key));
        return ctx.ack();
    }

    Response onOptions(BlockSuggestionRequest request, BlockSuggestionContext ctx) {
        BlockSuggestionPayload p = request.getPayload();
        View view = p.getView();
        FormModals.FormContext context = view == null ? null : FormModals.FormContext.parse(view.getPrivateMetadata());
        Optional<FormField> field = context == null ? Optional.empty() : registry.find(context.formId())
                .flatMap(CommandSpec::form).flatMap(f -> f.field(p.getActionId()));
        if (field.isEmpty() || field.get().optionsSource() == null) {
            return ctx.ack(r -> r.options(List.of()));
        }
        String prefix = p.getValue() == null ? "" : p.getValue().strip();
        String site = FormModals.selected(view.getState(), field.get().siteField());
        List<String> names = lookUp(field.get().optionsSource(), site, prefix);
        List<Option> options = names.stream().filter(n -> n.length() <= MAX_OPTION_VALUE).limit(MAX_OPTIONS)
                .map(n -> new Option(BlockKitRenderer.plain(BlockKitRenderer.cut(n, 75)), n)).toList();
        return ctx.ack(r -> r.options(options));
    }

    // ---- App Home ----

    Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (!"home".equals(event.getTab()) || event.getUser() == null) {
            return ctx.ack();
        }
        String key = "slack:home:" + event.getUser() + ":" + event.getEventTs();
        if (!recent.firstSeen(key, KEY_TTL)) {
            return ctx.ack();
        }
        work.execute(() -> refreshHome(event.getUser(), key));
        return ctx.ack();
    }

    private void refreshHome(String user, String key) {
        SlackPeople.SlackPerson person;
        try {
            person = people.lookup(user);
        } catch (SlackCallException e) {
            LOG.info("home tab of {} not refreshed: {}", user, e.error());
            recent.forget(key);
            return;
        }
        home.opened(user, person.locale());
        for (HomeBoard.Section section : HomeBoard.Section.values()) {
            gateway.submit(Envelope.ofText(person.identity(), SlackThreads.home(user, section.id()), section.command,
                    key + ":" + section.id(), clock.instant(), null, person.zone()));
        }
    }

    // ---- hand-over ----

    private void submitText(String user, ThreadRef thread, String text, String key) {
        SlackPeople.SlackPerson person = person(user, thread, key);
        if (person != null) {
            gateway.submit(Envelope.ofText(person.identity(), thread, text, key, clock.instant(), null,
                    person.zone()));
        }
    }

    private void submitForm(String user, ThreadRef thread, String formId, Map<String, String> values, String key) {
        SlackPeople.SlackPerson person = person(user, thread, key);
        if (person != null) {
            gateway.submit(Envelope.ofForm(person.identity(), thread, formId, values, key, clock.instant(), null,
                    person.zone()));
        }
    }

    /** The person behind a user id; when Slack cannot tell, the user is told and nothing is handed over. */
    private SlackPeople.SlackPerson person(String user, ThreadRef thread, String key) {
        try {
            return people.lookup(user);
        } catch (SlackCallException e) {
            LOG.warn("users.info for {} failed: {}", user, e.error());
            recent.forget(key);
            tell(thread, user, SlackTexts.forLocale(settings.locale()).format("slack.identity.unavailable"));
            return null;
        }
    }

    private void openForm(String trigger, FormSpec form, String user, String channel, String threadTs,
                          String responseUrl, String command) {
        SlackTexts neutral = SlackTexts.forLocale(settings.locale());
        SlackApi.OpenedView opened;
        try {
            // The trigger id expires 3 s after the user's action: open first, with nothing to look up, and fill in
            // the form afterwards.
            opened = api.openView(trigger, modals.loading(form, Messages.forLocale(settings.locale()), neutral));
        } catch (SlackCallException e) {
            LOG.info("form {} not opened: {}", form.formId(), e.error());
            tell(SlackThreads.conversation(channel, threadTs, user, responseUrl), user,
                    neutral.format("slack.form.expired", command));
            return;
        }
        SlackPeople.SlackPerson person = null;
        try {
            person = people.lookup(user);
        } catch (SlackCallException e) {
            LOG.info("users.info for {} failed while opening a form: {}", user, e.error());
        }
        Locale locale = person != null && person.locale() != null ? person.locale() : settings.locale();
        String zone = person != null && person.zone() != null ? person.zone().getId() : "UTC";
        FormModals.FormContext context = new FormModals.FormContext(form.formId(), channel, threadTs, user, zone,
                locale.toLanguageTag());
        try {
            api.updateView(opened.id(), opened.hash(), modals.form(form, Messages.forLocale(locale),
                    SlackTexts.forLocale(locale), context));
        } catch (SlackCallException e) {
            LOG.warn("form {} not filled in: {}", form.formId(), e.error());
        }
    }

    /** In a thread there is no trigger id to open a modal with; a button gives one. */
    private void offerForm(ThreadRef thread, FormSpec form, String user) {
        SlackTexts texts = texts(user);
        String command = COMMAND + " " + registry.require(form.formId()).wordsText();
        String prompt = texts.format("slack.form.prompt", command);
        try {
            api.postMessage(thread.channelId(), thread.threadId(), prompt, List.of(
                    SectionBlock.builder().text(BlockKitRenderer.plain(prompt)).build(),
                    ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                            .text(BlockKitRenderer.plain(texts.format("slack.form.button")))
                            .actionId(OPEN_FORM).value(form.formId()).style("primary").build())).build()));
        } catch (SlackCallException e) {
            LOG.warn("form button not posted: {}", e.error());
        }
    }

    private void tell(ThreadRef thread, String user, String text) {
        List<com.slack.api.model.block.LayoutBlock> blocks = List.of(
                SectionBlock.builder().text(BlockKitRenderer.plain(text)).build());
        try {
            String responseUrl = thread.extras().get(SlackThreads.RESPONSE_URL);
            if (responseUrl != null) {
                api.respond(responseUrl, true, text, blocks);
            } else if (!SlackThreads.HOME_CHANNEL.equals(thread.channelId())) {
                api.postEphemeral(thread.channelId(), user, thread.threadId(), text, blocks);
            }
        } catch (SlackCallException e) {
            LOG.warn("could not tell {}: {}", user, e.error());
        }
    }

    private SlackTexts texts(String user) {
        try {
            SlackPeople.SlackPerson person = people.lookup(user);
            return SlackTexts.forLocale(person.locale() != null ? person.locale() : settings.locale());
        } catch (SlackCallException e) {
            return SlackTexts.forLocale(settings.locale());
        }
    }

    /** The form of a command typed without arguments, e.g. {@code /vdi pool create}. */
    private Optional<FormSpec> formWithoutArguments(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Resolution resolution = registry.resolve(text);
        if (resolution instanceof Resolution.Resolved resolved && resolved.arguments().isEmpty()
                && resolved.errors().isEmpty()) {
            return resolved.spec().form();
        }
        return Optional.empty();
    }

    /** Picker options; the inventory is cached, but a cold cache must not make Slack's 3 s ack late. */
    private List<String> lookUp(OptionsSource source, String site, String prefix) {
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> {
            if (source.inventoryKind().isEmpty()) {
                String lower = prefix.toLowerCase(Locale.ROOT);
                return inventory.sites().stream().filter(s -> s.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
            }
            return inventory.names(site, source.inventoryKind().get(), prefix, MAX_OPTIONS);
        }, work);
        try {
            return names.get(OPTIONS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // left running: it warms the cache, so the user's next keystroke finds the names
            LOG.info("options for {} at {} not ready in time: {}", source.sourceName(), site, e.toString());
            return List.of();
        }
    }

    private static String textValue(ViewState state, String field) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(field);
        ViewState.Value value = block == null ? null : block.get(field);
        return value == null ? null : value.getValue();
    }

    private static String string(JsonObject json, String key) {
        return json != null && json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : null;
    }

    /** The parts of a button click the adapter uses. */
    record Click(String actionId, String value, String user, String channel, String messageTs, String threadTs,
                 String responseUrl) {

        static Click of(BlockActionPayload p) {
            if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null
                    || p.getContainer() == null) {
                return null;
            }
            BlockActionPayload.Action action = p.getActions().get(0);
            String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
            if (channel == null || action.getValue() == null) {
                return null;
            }
            return new Click(action.getActionId(), action.getValue(), p.getUser().getId(), channel,
                    p.getContainer().getMessageTs(), p.getContainer().getThreadTs(), p.getResponseUrl());
        }
    }
}
