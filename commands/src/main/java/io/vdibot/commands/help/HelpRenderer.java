package io.vdibot.commands.help;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.Resolution;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers {@code help}: every command with its usage line; one command with its usage, description and example;
 * or one family ({@code help pool}). Everything comes from the message bundles of the requested language.
 */
public final class HelpRenderer {

    static final String PREFIX = "/vdi ";

    private final CommandRegistry registry;

    public HelpRenderer(CommandRegistry registry) {
        this.registry = registry;
    }

    public Reply render(HelpRequest request, Messages messages) {
        List<String> topic = request.topic();
        if (topic.isEmpty()) {
            return overview(messages);
        }
        String wanted = String.join(" ", topic);
        Resolution resolution = registry.resolve(wanted);
        if (resolution instanceof Resolution.Resolved resolved) {
            return detail(resolved.spec(), messages);
        }
        List<CommandSpec<?>> family = registry.all().stream()
                .filter(s -> s.words().size() > 1 && s.words().get(0).equals(topic.get(0)))
                .toList();
        if (!family.isEmpty()) {
            return Reply.builder()
                    .heading(messages.format("help.family.title", topic.get(0)))
                    .code(usageLines(family, messages))
                    .text(messages.format("help.overview.footer"))
                    .build();
        }
        Reply.Builder reply = Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.WARNING);
        for (FieldError error : ((Resolution.Unresolved) resolution).errors()) {
            reply.text(messages.format(error));
        }
        return reply.text(messages.format("help.overview.footer")).build();
    }

    private Reply overview(Messages messages) {
        return Reply.builder()
                .heading(messages.format("help.overview.title"))
                .code(usageLines(registry.all(), messages))
                .text(messages.format("help.overview.footer"))
                .build();
    }

    private static Reply detail(CommandSpec<?> spec, Messages messages) {
        return Reply.builder()
                .heading(PREFIX + spec.wordsText())
                .text(messages.format(spec.helpKey()))
                .text(messages.format("help.label.usage"))
                .code(PREFIX + messages.format(spec.usageKey()))
                .text(messages.format("help.label.example"))
                .code(PREFIX + messages.format(spec.exampleKey()))
                .build();
    }

    private static String usageLines(List<CommandSpec<?>> specs, Messages messages) {
        return specs.stream().map(s -> PREFIX + messages.format(s.usageKey())).collect(Collectors.joining("\n"));
    }
}
