package io.vdibot.adapters.slack;

import com.slack.api.model.block.ActionsBlock;
import io.vdibot.adapters.common.CommandForms;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.spec.CommandSpec;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command forms as modals. Any command whose spec has a form ({@link CommandSpec#form()}) gets one when typed
 * without arguments; nothing here names a command.
 */
final class SlackForms {

    private static final Logger LOG = LoggerFactory.getLogger(SlackForms.class);
    static final String OPEN_FORM = "open_form";
    static final String COMMAND = "/vdi";

    private final SlackApi api;
    private final SlackSettings settings;
    private final CommandForms forms;
    private final FormModals modals;
    private final SlackHandOver handOver;

    SlackForms(SlackApi api, SlackSettings settings, CommandForms forms, FormModals modals, SlackHandOver handOver) {
        this.api = api;
        this.settings = settings;
        this.forms = forms;
        this.modals = modals;
        this.handOver = handOver;
    }

    /** How the user would type the command of {@code form}, e.g. {@code /vdi pool create}. */
    String typed(FormSpec form) {
        return COMMAND + " " + forms.words(form);
    }

    /**
     * Opens {@code form} in a modal; {@code threadTs} and the channel are where its answers go. Someone who may not
     * use the form's command gets no modal, only the line that says why: the form's pickers list inventory.
     */
    void open(String trigger, FormSpec form, String user, String channel, String threadTs, String responseUrl,
              String command) {
        // Asked before the modal opens, so the trigger's 3 s include users.info and the directory (both cached);
        // a late answer ends in the "run it again" line below, never in a form for the wrong person.
        SlackAdmissions.Admission admission = handOver.admit(user, form.formId());
        if (!admission.admitted()) {
            handOver.tell(SlackThreads.conversation(channel, threadTs, user, responseUrl), user, admission.refusal());
            return;
        }
        SlackTexts neutral = SlackTexts.forLocale(settings.locale());
        SlackApi.OpenedView opened;
        try {
            // The trigger id expires 3 s after the user's action: open first, with the least to send, and fill in
            // the form afterwards.
            opened = api.openView(trigger, modals.loading(form, Messages.forLocale(settings.locale()), neutral));
        } catch (SlackCallException e) {
            LOG.info("form {} not opened: {}", form.formId(), e.error());
            handOver.tell(SlackThreads.conversation(channel, threadTs, user, responseUrl), user,
                    neutral.format("slack.form.expired", command));
            return;
        }
        SlackPeople.SlackPerson person = admission.person();
        Locale locale = person.locale() != null ? person.locale() : settings.locale();
        String zone = person.zone() != null ? person.zone().getId() : "UTC";
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
    void offer(ThreadRef thread, FormSpec form, String user) {
        SlackAdmissions.Admission admission = handOver.admit(user, form.formId());
        if (!admission.admitted()) {
            handOver.tell(thread, user, admission.refusal());
            return;
        }
        SlackTexts texts = handOver.texts(user);
        String prompt = texts.format("slack.form.prompt", typed(form));
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
}
