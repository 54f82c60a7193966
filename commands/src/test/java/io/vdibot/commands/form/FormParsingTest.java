package io.vdibot.commands.form;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static io.vdibot.commands.Fixtures.IMMEDIATELY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Forms are parsed with the same checks and the same error keys as command lines. */
class FormParsingTest {

    private static final CommandRegistry REGISTRY = AllCommands.registry();

    static Stream<Arguments> submissions() {
        return Stream.of(
                form("vm.create", "name", "web01", "template", "rhel9", "memory", "8GiB", "cpus", "4",
                        "init", "echo \"hi\" > /tmp/x", "at", "tomorrow 08:00 Asia/Shanghai"),
                form("vm.create", "name", "web01"),
                form("vm.create", "name", "web 01", "template", "rhel9", "cpus", "0", "memory", "lots"),
                form("vm.create", "name", "web01", "template", "rhel9", "at", "today 07:00"),
                form("vm.create", "name", "web01", "template", "rhel9", "at", "2026-12-01 09:00 Mars/Olympus"),
                form("vm.create", "name", "web01", "template", "rhel9", "colour", "blue"),
                form("pool.create", "name", "dev-??", "template", "win11", "size", "20", "prestarted", "2",
                        "max-per-user", "1", "type", "manual", "stateful", "true", "template-version", "latest",
                        "group", "VDI Users", "role", "UserRole", "description", "Dev desktops"),
                form("pool.create", "name", "dev-??", "template", "win11", "size", "2", "prestarted", "3"),
                form("pool.create", "name", "a??b??", "template", "win11", "size", "x", "group", "devs",
                        "type", "random", "stateful", "maybe", "template-version", "0"),
                form("pool.update", "name", "dev-??", "description", "New"),
                form("pool.update", "name", "dev-??"),
                form("pool.update", "name", "dev-??", "prestarted", "-1", "max-per-user", "40000"),
                form("template.create", "name", "rhel9-web", "vm", "web01", "seal", "true",
                        "copy-permissions", "false", "version-of", "rhel9", "version-name", "v2", "stop", "true"),
                form("template.create", "name", "rhel9 web", "seal", "sure"),
                form("template.migrate", "name", "rhel9", "from", "paris", "to", "shanghai", "cluster", "c",
                        "storage", "s", "as", "rhel9-sh", "move-back", "true", "at", "+2h"),
                form("template.migrate", "name", "rhel9", "version", "2", "from", "paris", "to", "shanghai",
                        "cluster", "c", "storage", "s"),
                form("template.migrate", "name", "rhel9", "version", "two", "from", "paris", "to", "shanghai",
                        "cluster", "c", "storage", "s"),
                form("template.migrate", "name", "rhel9", "from", "paris", "to", "Paris"),
                form("vm.snapshot", "site", "dc1", "name", "web01", "description", "before \"patch\" 2",
                        "memory", "false", "at", "tomorrow 08:00 Europe/Paris"),
                form("vm.snapshot", "name", "web01", "memory", "maybe"),
                form("vm.restore", "name", "web01", "snapshot", "before patching", "start", "true"),
                form("vm.restore", "name", "web01"),
                form("vm.restore", "name", "web01", "snapshot", "\u0000"),
                form("pool.update", "name", "\u0001dev-??", "description", "a\u001Bb"),
                form("pool.resize", "name", "dev-??", "size", "0"),
                form("reject", "id", "t12", "reason", "Over budget"),
                form("list", "kind", "vms", "filter", "web*", "page", "2"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("submissions")
    void givesTheSameResultAsTheEquivalentCommandLine(String formId, Map<String, String> values) {
        ParseResult<VdiRequest> fromForm = REGISTRY.parseForm(formId, values, CONTEXT);
        ParseResult<VdiRequest> fromText = REGISTRY.parse(commandLine(formId, values), CONTEXT);

        assertThat(fromForm.isValid()).isEqualTo(fromText.isValid());
        assertThat(fromForm.errors()).isEqualTo(fromText.errors());
        if (fromText.isValid()) {
            assertThat(fromForm.request()).isEqualTo(fromText.request());
        }
    }

    @Test
    void blankValuesAreFieldsLeftEmpty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", " dev-?? ");
        values.put("template", "win11");
        values.put("size", "3");
        values.put("batch", "");
        values.put("description", "   ");
        values.put("group", null);

        ParseResult<VdiRequest> result = REGISTRY.parseForm("pool.create", values, CONTEXT);

        assertThat(result.request()).isEqualTo(new PoolCreateRequest("dev-??", "win11", 3, null, null, null, null,
                null, null, null, null, null, null, null, IMMEDIATELY));
    }

    @Test
    void anUnknownFormIsReportedLikeAnUnknownCommand() {
        ParseResult<VdiRequest> result = REGISTRY.parseForm("vm.destroy", Map.of("name", "x"), CONTEXT);

        assertThat(result.errors()).containsExactly(FieldError.of("command", "command.unknown", "vm.destroy"));
    }

    @Test
    void formsExistForTheCommandsWorthAModal() {
        Set<String> withForms = REGISTRY.all().stream().filter(s -> s.form().isPresent()).map(CommandSpec::id)
                .collect(Collectors.toSet());

        assertThat(withForms).containsExactlyInAnyOrder("vm.create", "vm.delete", "vm.start", "vm.stop",
                "vm.shutdown", "vm.reboot", "vm.snapshot", "vm.restore", "pool.create", "pool.update", "template.create", "template.migrate");
    }

    @Test
    void everyFormMatchesItsCommandsArguments() {
        for (CommandSpec<?> spec : REGISTRY.all()) {
            spec.form().ifPresent(form -> {
                assertThat(form.formId()).isEqualTo(spec.id());
                assertThat(form.titleKey()).isEqualTo(spec.id() + ".title");
                Map<String, Param> params = spec.params().stream()
                        .collect(Collectors.toMap(Param::key, p -> p));
                assertThat(form.fields()).extracting(FormField::name).doesNotHaveDuplicates();
                assertThat(params.keySet()).as(spec.id() + " fields")
                        .containsExactlyInAnyOrderElementsOf(form.fields().stream().map(FormField::name).toList());
                for (FormField field : form.fields()) {
                    assertThat(field.required()).as(spec.id() + "." + field.name())
                            .isEqualTo(params.get(field.name()).required());
                    // a key that means something else in this command has a label of its own: field.memory.save
                    assertThat(field.labelKey()).matches(java.util.regex.Pattern.quote("field." + field.name())
                            + "(\\.[a-z-]+)?");
                    if (field.siteField() != null) {
                        assertThat(form.field(field.siteField())).as(field.name() + " site field").isPresent();
                    }
                }
            });
        }
    }

    @Test
    void everyFixedChoiceOfAFormIsAcceptedByTheParser() {
        ParseResult<VdiRequest> manual = REGISTRY.parseForm("pool.create",
                Map.of("name", "p", "template", "t", "size", "1", "type", "manual"), CONTEXT);
        FormField type = REGISTRY.require("pool.create").form().orElseThrow().field("type").orElseThrow();

        assertThat(type.choices()).containsExactly("automatic", "manual");
        assertThat(manual.isValid()).isTrue();
    }

    @Test
    void migrateLooksUpTemplatesAtTheSourceAndTargetsAtTheDestination() {
        FormSpec form = REGISTRY.require("template.migrate").form().orElseThrow();

        assertThat(form.field("name").orElseThrow().siteField()).isEqualTo("from");
        assertThat(form.field("cluster").orElseThrow().siteField()).isEqualTo("to");
        assertThat(form.field("storage").orElseThrow().siteField()).isEqualTo("to");
        assertThat(form.field("from").orElseThrow().optionsSource()).isEqualTo(OptionsSource.SITES);
        assertThat(form.field("from").orElseThrow().siteField()).isNull();
    }

    /** The command line a user would type for these form values. */
    private static String commandLine(String formId, Map<String, String> values) {
        StringBuilder line = new StringBuilder(REGISTRY.require(formId).wordsText());
        values.forEach((key, value) -> line.append(' ').append(key).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return line.toString();
    }

    private static Arguments form(String formId, String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return arguments(formId, values);
    }
}
