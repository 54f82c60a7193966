package io.vdibot.commands.spec;

import io.vdibot.commands.help.HelpRequest;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolType;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.schedule.Schedule;
import org.junit.jupiter.api.Test;

import io.vdibot.commands.AllCommands;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are persisted as JSON by another module. Without depending on a JSON library here, this checks what
 * makes that work without custom serializers: records all the way down, of plain value types, with no
 * getter-looking methods that a mapper would take for extra properties.
 */
class RequestJsonShapeTest {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Integer.class, Long.class, Boolean.class,
            int.class, long.class, boolean.class, Instant.class);

    @Test
    void everyRequestIsARecordOfPlainValues() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : recordsReachableFrom(VdiRequest.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!isPlain(component.getGenericType())) {
                    problems.add(type.getSimpleName() + "." + component.getName() + ": "
                            + component.getGenericType().getTypeName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noRequestHasGetterLookingMethods() {
        List<String> getters = new ArrayList<>();
        for (Class<?> type : recordsReachableFrom(VdiRequest.class)) {
            for (Method method : type.getDeclaredMethods()) {
                boolean looksLikeProperty = method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && method.getName().matches("(get|is)[A-Z].*");
                if (looksLikeProperty) {
                    getters.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(getters).isEmpty();
    }

    @Test
    void theNestedValueTypesAreReached() {
        assertThat(recordsReachableFrom(VdiRequest.class)).contains(Schedule.class, TemplateVersionRef.class,
                PoolCreateRequest.class, HelpRequest.class).hasSize(36);
    }

    @Test
    void recordsCompareByValueSoAPersistedCopyEqualsTheOriginal() {
        Schedule at = Schedule.at(Instant.parse("2026-12-01T08:00:00Z"), java.time.ZoneId.of("Europe/Paris"));
        PoolCreateRequest a = new PoolCreateRequest("p", "t", 3, null, null, null, PoolType.MANUAL, null,
                TemplateVersionRef.version(2), null, null, "g", "r", null, at);
        PoolCreateRequest b = new PoolCreateRequest("p", "t", 3, null, null, null, PoolType.MANUAL, null,
                new TemplateVersionRef(2, false), null, null, "g", "r", null,
                new Schedule(Instant.parse("2026-12-01T08:00:00Z"), "Europe/Paris", false));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    private static boolean isPlain(Type type) {
        if (type instanceof Class<?> c) {
            return PLAIN.contains(c) || c.isEnum() || c.isRecord();
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return p.getActualTypeArguments()[0] == String.class;
        }
        return false;
    }

    private static Set<Class<?>> recordsReachableFrom(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(root, found);
        return found;
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        if (type == VdiRequest.class) {
            AllCommands.requestTypes().forEach(c -> collect(c, found));
        } else if (type.isRecord() && found.add(type)) {
            for (RecordComponent component : type.getRecordComponents()) {
                collect(component.getType(), found);
            }
        }
    }
}
