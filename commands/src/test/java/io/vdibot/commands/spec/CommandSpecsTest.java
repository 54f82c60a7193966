package io.vdibot.commands.spec;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.help.HelpCommand;
import io.vdibot.commands.view.SitesCommand;
import io.vdibot.commands.Fixtures;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.view.SitesRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command table: ids, words, permissions, usage lines and examples agree with each other and the bundles. */
class CommandSpecsTest {

    private static final CommandRegistry REGISTRY = AllCommands.registry();
    private static final Pattern GRAMMAR_KEY = Pattern.compile("([a-z][a-z-]*)=");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "vm create,        vm.create,        vdi:vm:create,        true,  true",
            "vm start,         vm.start,         vdi:vm:start,         true,  true",
            "vm stop,          vm.stop,          vdi:vm:stop,          true,  true",
            "vm shutdown,      vm.shutdown,      vdi:vm:shutdown,      true,  true",
            "vm reboot,        vm.reboot,        vdi:vm:reboot,        true,  true",
            "vm snapshot,      vm.snapshot,      vdi:vm:snapshot,      true,  true",
            "vm restore,       vm.restore,       vdi:vm:restore,       true,  true",
            "pool create,      pool.create,      vdi:pool:create,      true,  true",
            "pool resize,      pool.resize,      vdi:pool:resize,      true,  true",
            "pool grant,       pool.grant,       vdi:pool:grant,       true,  true",
            "pool revoke,      pool.revoke,      vdi:pool:revoke,      true,  true",
            "pool update,      pool.update,      vdi:pool:update,      true,  true",
            "pool delete,      pool.delete,      vdi:pool:delete,      true,  true",
            "pool owner,       pool.owner,       vdi:ownership:any,    false, true",
            "template create,  template.create,  vdi:template:create,  true,  true",
            "template migrate, template.migrate, vdi:template:migrate, true,  true",
            "show,             show,             vdi:view:inventory,   false, true",
            "list,             list,             vdi:view:inventory,   false, false",
            "sites,            sites,            vdi:view:inventory,   false, false",
            "dashboard,        dashboard,        vdi:view:inventory,   false, false",
            "refresh,          refresh,          vdi:view:inventory,   false, false",
            "tasks,            tasks,            vdi:view:tasks,       false, false",
            "task,             task,             vdi:view:tasks,       false, false",
            "logs,             logs,             vdi:view:tasks,       false, false",
            "cancel,           cancel,           vdi:task:cancel,      false, false",
            "approve,          approve,          vdi:task:approve,     false, false",
            "reject,           reject,           vdi:task:approve,     false, false",
            "locks,            locks,            vdi:view:locks,       false, false",
            "locks release,    locks.release,    vdi:locks:release,    false, false",
            "help,             help,             vdi:view:help,        false, false",
            "audit,            audit,            vdi:audit:view,       false, false",
            "identity list,    identity.list,    vdi:identity:manage,  false, false",
            "identity rebind,  identity.rebind,  vdi:identity:manage,  false, false"})
    void commandTable(String words, String id, String permission, boolean task, boolean needsName) {
        CommandSpec<?> spec = REGISTRY.require(id);

        assertThat(spec.wordsText()).isEqualTo(words);
        assertThat(spec.permission()).isEqualTo(permission);
        assertThat(spec.isTask()).isEqualTo(task);
        assertThat(spec.needsName()).isEqualTo(needsName);
        assertThat(TaskRequest.class.isAssignableFrom(spec.requestType())).isEqualTo(task);
    }

    @Test
    void theTableCoversEveryCommand() {
        assertThat(REGISTRY.all()).hasSize(34);
        assertThat(REGISTRY.all()).extracting(CommandSpec::id).doesNotHaveDuplicates();
    }

    @Test
    void everyRequestTypeHasExactlyOneCommandWithItsId() throws ReflectiveOperationException {
        List<Class<?>> requestTypes = AllCommands.requestTypes();

        List<Class<?>> specTypes = REGISTRY.all().stream().<Class<?>>map(CommandSpec::requestType).toList();

        assertThat(specTypes).containsExactlyInAnyOrderElementsOf(requestTypes);
        for (CommandSpec<?> spec : REGISTRY.all()) {
            assertThat(spec.requestType().getField("COMMAND_ID").get(null)).isEqualTo(spec.id());
        }
    }

    @Test
    void theUsageLineListsExactlyTheKeysTheCommandAccepts() {
        for (CommandSpec<?> spec : REGISTRY.all()) {
            List<String> keyParams = spec.params().stream().filter(p -> !p.positional()).map(Param::key).toList();

            assertThat(grammarKeys(spec.usage())).as(spec.id()).containsExactlyElementsOf(keyParams);
            assertThat(spec.usage()).as(spec.id()).startsWith(spec.wordsText());
        }
    }

    @Test
    void bundlesCarryTheUsageLineInBothLanguagesWithTheSameGrammar() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        for (CommandSpec<?> spec : REGISTRY.all()) {
            String zh = chinese.format(spec.usageKey());

            assertThat(english.format(spec.usageKey())).isEqualTo(spec.usage());
            assertThat(zh).as(spec.id()).startsWith(spec.wordsText());
            assertThat(grammarKeys(zh)).as(spec.id()).containsExactlyElementsOf(grammarKeys(spec.usage()));
        }
    }

    @Test
    void everyExampleInEitherLanguageIsAValidCommandLineOfItsCommand() {
        for (Locale locale : Messages.supportedLocales()) {
            Messages messages = Messages.forLocale(locale);
            for (CommandSpec<?> spec : REGISTRY.all()) {
                ParseResult<VdiRequest> result = REGISTRY.parse(messages.format(spec.exampleKey()), CONTEXT);

                assertThat(result.errors()).as(locale + " " + spec.exampleKey()).isEmpty();
                assertThat(result.commandId()).isEqualTo(spec.id());
            }
        }
    }

    @Test
    void resolvesTheLongestMatchAndHandsOverTheRest() {
        Resolution.Resolved release = (Resolution.Resolved) REGISTRY.resolve("/VDI locks release export-storage");
        Resolution.Resolved locks = (Resolution.Resolved) REGISTRY.resolve("locks");

        assertThat(release.spec().id()).isEqualTo("locks.release");
        assertThat(release.arguments()).extracting(t -> t.value()).containsExactly("export-storage");
        assertThat(locks.spec().id()).isEqualTo("locks");
        assertThat(locks.arguments()).isEmpty();
    }

    @Test
    void onlyTheFirstWordMayBeThePrefix() {
        Resolution resolution = REGISTRY.resolve("vdi vdi sites");

        assertThat(resolution).isInstanceOf(Resolution.Unresolved.class);
    }

    @Test
    void findsTheSpecOfAPersistedRequest() {
        VdiRequest request = REGISTRY.parse("pool delete p", Fixtures.CONTEXT).request();

        assertThat(REGISTRY.specOf(request).permission()).isEqualTo("vdi:pool:delete");
        assertThat(REGISTRY.require("pool.delete").requestType()).isEqualTo(request.getClass());
        assertThatThrownBy(() -> REGISTRY.require("pool.explode")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegistryRefusesTwoCommandsWithTheSameIdOrWords() {
        CommandSpec<SitesRequest> sameWords = new CommandSpec<>("sites.again", "sites", "sites",
                "vdi:view:inventory", SitesRequest.class, List.of()) {
            @Override
            protected ParseResult<SitesRequest> build(ArgReader in) {
                return in.result(SitesRequest::new);
            }
        };

        assertThatThrownBy(() -> new CommandRegistry(List.of(new HelpCommand(), new SitesCommand(),
                new SitesCommand()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new CommandRegistry(List.of(new HelpCommand(), new SitesCommand(), sameWords)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("words");
        assertThatThrownBy(() -> new CommandRegistry(List.of(new SitesCommand())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("help");
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(Suggestions.distance("lsit", "list")).isEqualTo(1);
        assertThat(Suggestions.distance("pool creat", "pool create")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    private static List<String> grammarKeys(String usage) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = GRAMMAR_KEY.matcher(usage);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return new ArrayList<>(keys);
    }

}
