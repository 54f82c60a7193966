package io.vdibot.commands.spec;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of mistake gives an error value naming the argument, with the command's usage; none throws. */
class GrammarErrorsTest {

    private static final CommandRegistry REGISTRY = AllCommands.registry();
    private static final String LONG_NAME = "v".repeat(65);

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // missing, unknown, duplicate, empty, stray words
                mistake("vm create", "name:arg.missing", "template:arg.missing"),
                mistake("vm create web01", "template:arg.missing"),
                mistake("vm delete", "name:arg.missing"),
                mistake("vm delete web01 template=t", "template:arg.unknown"),
                mistake("vm start", "name:arg.missing"),
                mistake("vm snapshot web01 memory=maybe", "memory:arg.not-a-boolean"),
                mistake("vm restore web01", "snapshot:arg.missing"),
                mistake("vm restore web01 snapshot=s start=later", "start:arg.not-a-boolean"),
                mistake("vm stop web01 force=true", "force:arg.unknown"),
                mistake("vm shutdown web01 site=paris site=lyon", "site:arg.duplicate"),
                mistake("vm reboot bad/name", "name:arg.bad-name"),
                mistake("vm create web01 template=t colour=blue", "colour:arg.unknown"),
                mistake("vm create web01 template=t template=u", "template:arg.duplicate"),
                mistake("vm create web01 name=web02 template=t", "name:arg.duplicate"),
                mistake("vm create web01 template=", "template:arg.empty"),
                mistake("vm create web01 template rhel9", "template:arg.missing-equals"),
                mistake("vm create web 01 template=t", "text:arg.unexpected"),
                mistake("vm create web01 template=t init=\"echo hi", "init:arg.unterminated-quote"),
                mistake("vm create web01 \"template=t", "text:arg.unterminated-quote", "template:arg.missing",
                        "text:arg.unexpected"),
                mistake("vm create web01 template=t =oops", "text:arg.bad-syntax"),
                // names
                mistake("vm create we/b template=t", "name:arg.bad-name"),
                mistake("vm create \"web 01\" template=t", "name:arg.bad-name"),
                mistake("vm create " + LONG_NAME + " template=t", "name:arg.too-long"),
                mistake("vm create web01 template=rhel9?", "template:arg.bad-name"),
                mistake("pool create a??b?? template=t size=1", "name:arg.bad-name"),
                mistake("pool create ??? template=t size=1", "name:arg.bad-name"),
                mistake("pool create p template=t size=1 site=\"two words\"", "site:arg.bad-name"),
                mistake("vm start \"\u0001web01\"", "name:arg.bad-name"),
                // free text the engine could not store; a value of control characters alone is not blank
                mistake("vm restore web01 snapshot=\"\u0001\"", "snapshot:arg.bad-character"),
                mistake("pool update p description=\"before\u0000after\"", "description:arg.bad-character"),
                mistake("reject T1 reason=\"\u001B[31mred\"", "reason:arg.bad-character"),
                mistake("vm create web01 template=t init=\"echo \uD800\"", "init:arg.bad-character"),
                // a WHEN or a since made of thousands of parts is no time (and must not exhaust the stack)
                mistake("vm create web01 template=t at=+" + "1h".repeat(20_000), "at:arg.bad-when"),
                mistake("tasks since=" + "1d".repeat(20_000), "since:arg.bad-since"),
                // numbers and sizes
                mistake("vm create web01 template=t cpus=two", "cpus:arg.not-a-number"),
                mistake("vm create web01 template=t cpus=0", "cpus:arg.out-of-range"),
                mistake("vm create web01 template=t cpus=65", "cpus:arg.out-of-range"),
                mistake("vm create web01 template=t memory=257GiB", "memory:arg.too-large"),
                mistake("vm create web01 template=t init=\"" + "x".repeat(16 * 1024 + 1) + "\"", "init:arg.too-long"),
                mistake("vm create web01 template=t at=+91d", "at:arg.when-too-far"),
                mistake("pool update p description=\"" + "y".repeat(1001) + "\"", "description:arg.too-long"),
                mistake("vm create web01 template=t cpus=99999999999", "cpus:arg.out-of-range"),
                mistake("vm create web01 template=t memory=lots", "memory:arg.bad-size"),
                mistake("vm create web01 template=t memory=4096", "memory:arg.bad-size"),
                mistake("vm create web01 template=t memory=512K", "memory:arg.too-small"),
                mistake("pool create p template=t", "size:arg.missing"),
                mistake("pool create p template=t size=0", "size:arg.too-small"),
                mistake("pool create p template=t size=-3", "size:arg.too-small"),
                mistake("pool create p template=t size=3.5", "size:arg.not-a-number"),
                mistake("pool create p template=t size=3 batch=0", "batch:arg.too-small"),
                mistake("pool create p template=t size=3 prestarted=-1", "prestarted:arg.too-small"),
                mistake("pool create p template=t size=3 prestarted=5", "prestarted:arg.exceeds"),
                mistake("pool create p template=t size=3 max-per-user=0", "max-per-user:arg.out-of-range"),
                mistake("pool create p template=t size=3 max-per-user=32768", "max-per-user:arg.out-of-range"),
                mistake("pool resize p size=none", "size:arg.not-a-number"),
                mistake("pool create p-?? template=t size=99999999999999999999", "size:arg.too-large"),
                mistake("pool resize p size=2147483648", "size:arg.too-large"),
                mistake("list vms page=99999999999", "page:arg.too-large"),
                mistake("list vms page=0", "page:arg.too-small"),
                // choices and booleans
                mistake("pool create p template=t size=3 type=random", "type:arg.bad-choice"),
                mistake("pool create p template=t size=3 stateful=maybe", "stateful:arg.not-a-boolean"),
                mistake("pool create p template=t size=3 template-version=0", "template-version:arg.too-small"),
                mistake("pool create p template=t size=3 template-version=newest",
                        "template-version:arg.bad-template-version"),
                mistake("template create t vm=v seal=sure copy-permissions=1 stop=maybe",
                        "seal:arg.not-a-boolean", "copy-permissions:arg.not-a-boolean", "stop:arg.not-a-boolean"),
                mistake("template migrate t from=a to=b cluster=c storage=s move-back=later",
                        "move-back:arg.not-a-boolean"),
                mistake("template migrate t version=0 from=a to=b cluster=c storage=s", "version:arg.too-small"),
                mistake("template migrate t version=latest from=a to=b cluster=c storage=s",
                        "version:arg.not-a-number"),
                // arguments that go together or exclude each other
                mistake("pool create p template=t size=3 group=devs", "role:arg.requires"),
                mistake("pool create p template=t size=3 role=UserRole", "group:arg.requires"),
                mistake("pool grant p group=devs", "role:arg.missing"),
                mistake("pool revoke p role=UserRole", "group:arg.missing"),
                mistake("pool update p", "description:arg.at-least-one"),
                mistake("pool update p site=paris at=+1h", "description:arg.at-least-one"),
                mistake("template migrate t from=paris to=PARIS cluster=c storage=s", "to:arg.must-differ"),
                mistake("template migrate t", "from:arg.missing", "to:arg.missing", "cluster:arg.missing",
                        "storage:arg.missing"),
                mistake("template create t", "vm:arg.missing"),
                // WHEN
                mistake("vm create web01 template=t at=yesterday", "at:arg.bad-when"),
                mistake("vm create web01 template=t at=\"today 07:00\"", "at:arg.when-in-past"),
                mistake("vm create web01 template=t at=\"2020-01-01 09:00 UTC\"", "at:arg.when-in-past"),
                mistake("vm create web01 template=t at=\"tomorrow 08:00 Mars/Olympus\"", "at:arg.bad-zone"),
                mistake("pool delete p at=+0m", "at:arg.bad-when"),
                // positional keywords and task ids
                mistake("show", "kind:arg.missing", "name:arg.missing"),
                mistake("show disk d1", "kind:arg.bad-choice"),
                mistake("show vm", "name:arg.missing"),
                mistake("list", "kind:arg.missing"),
                mistake("list vm", "kind:arg.bad-choice"),
                mistake("list vms web* db*", "text:arg.unexpected"),
                mistake("list vms \"bad filter\"", "filter:arg.bad-name"),
                mistake("tasks everything", "filter:arg.bad-choice"),
                mistake("tasks since=soon", "since:arg.bad-since"),
                mistake("tasks since=2026-02-30", "since:arg.bad-since"),
                mistake("tasks status=lost", "status:arg.bad-choice"),
                mistake("task", "id:arg.missing"),
                mistake("task 1042", "id:arg.bad-task-id"),
                mistake("cancel X1", "id:arg.bad-task-id"),
                mistake("approve T1 T2", "text:arg.unexpected"),
                mistake("logs T1 verbose", "kind:arg.bad-choice"),
                mistake("reject T1 because", "text:arg.unexpected"),
                mistake("reject T1 reason=", "reason:arg.empty"),
                mistake("sites now", "text:arg.unexpected"),
                mistake("sites site=paris", "site:arg.no-options"),
                mistake("locks release", "resource:arg.missing"),
                mistake("help pool site=paris", "site:arg.no-options"),
                // every mistake at once, reported in argument order
                mistake("pool create bad/name size=0 template=t cpus=2 type=x at=whenever",
                        "name:arg.bad-name", "size:arg.too-small", "type:arg.bad-choice", "at:arg.bad-when",
                        "cpus:arg.unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void reportsEveryMistakeByArgument(String text, List<String> expected) {
        ParseResult<VdiRequest> result = REGISTRY.parse(text, CONTEXT);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(e -> e.field() + ":" + e.key()).containsExactlyElementsOf(expected);
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.args()).isNotEmpty());
        ParseResult.Invalid<VdiRequest> invalid = (ParseResult.Invalid<VdiRequest>) result;
        CommandSpec<?> spec = REGISTRY.require(invalid.commandId());
        assertThat(invalid.usage()).isEqualTo(spec.usage());
        assertThat(invalid.usageKey()).isEqualTo(spec.usageKey());
    }

    @Test
    void errorArgumentsNameTheArgumentFirstAndQuoteTheValue() {
        List<FieldError> errors = REGISTRY.parse("pool create p template=t size=3 max-per-user=40000", CONTEXT)
                .errors();

        assertThat(errors).containsExactly(
                FieldError.of("max-per-user", "arg.out-of-range", "max-per-user", "40000", 1, 32767));
    }

    @Test
    void unknownKeyListsTheKeysTheCommandAccepts() {
        FieldError error = REGISTRY.parse("pool resize p size=3 colour=red", CONTEXT).errors().get(0);

        assertThat(error.args()).containsExactly("colour", "size, site, at");
    }

    @Test
    void pastTimeIsShownInTheUsersZone() {
        FieldError error = REGISTRY.parse("pool delete p at=\"today 09:59\"", CONTEXT).errors().get(0);

        assertThat(error).isEqualTo(FieldError.of("at", "arg.when-in-past", "at", "2026-06-15 09:59 Europe/Paris"));
    }

    @Test
    void unknownCommandIsAValueWithTheHelpUsage() {
        ParseResult<VdiRequest> result = REGISTRY.parse("frobnicate the estate", CONTEXT);

        assertThat(result.errors()).containsExactly(FieldError.of("command", "command.unknown", "frobnicate the"));
        ParseResult.Invalid<VdiRequest> invalid = (ParseResult.Invalid<VdiRequest>) result;
        assertThat(invalid.commandId()).isNull();
        assertThat(invalid.usageKey()).isEqualTo("help.usage");
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        assertThat(suggestionFor("pool creat web template=t size=1")).isEqualTo("pool create");
        assertThat(suggestionFor("vm craete web01")).isEqualTo("vm create");
        assertThat(suggestionFor("lsit vms")).isEqualTo("list");
        assertThat(suggestionFor("tsks")).isEqualTo("tasks");
        assertThat(suggestionFor("templates migrate t")).isEqualTo("template migrate");
        assertThat(suggestionFor("pool")).isEqualTo("help pool");
        assertThat(suggestionFor("pool frobnicate")).isEqualTo("help pool");
    }

    @Test
    void invalidRequestIsNeverBuilt() {
        ParseResult<VdiRequest> result = REGISTRY.parse("pool update p", CONTEXT);

        org.assertj.core.api.Assertions.assertThatThrownBy(result::request)
                .isInstanceOf(IllegalStateException.class);
    }

    private static String suggestionFor(String text) {
        List<FieldError> errors = REGISTRY.parse(text, CONTEXT).errors();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).key()).isEqualTo("command.unknown");
        assertThat(errors.get(1).key()).isEqualTo("command.did-you-mean");
        return errors.get(1).args().get(0);
    }

    private static Arguments mistake(String text, String... expected) {
        return arguments(named(text, text), Arrays.asList(expected));
    }
}
