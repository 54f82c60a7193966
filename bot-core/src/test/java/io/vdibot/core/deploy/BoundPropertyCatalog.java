package io.vdibot.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every property the bot binds: {@code vdibot.*} from its own {@code @ConfigurationProperties} classes (walked by
 * reflection, records and nested types included), everything else from the Spring configuration metadata of the
 * libraries on the class path. Names are compared in Spring's relaxed form, so {@code vdibot.sites[0].password-file}
 * and the environment variable {@code VDIBOT_SITES_0_PASSWORDFILE} are the same property.
 */
final class BoundPropertyCatalog {

    private record Root(List<String> prefix, Class<?> type) {
    }

    private final List<Root> roots;
    private final Set<String> metadataNames;
    private final Set<String> metadataMaps;

    private BoundPropertyCatalog(List<Root> roots, Set<String> metadataNames, Set<String> metadataMaps) {
        this.roots = roots;
        this.metadataNames = metadataNames;
        this.metadataMaps = metadataMaps;
    }

    static BoundPropertyCatalog load() {
        List<Root> roots = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.vdibot")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                roots.add(new Root(elements(prefix), type));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        Set<String> names = new HashSet<>();
        Set<String> maps = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = BoundPropertyCatalog.class.getClassLoader();
        try {
            for (String file : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                for (URL url : Collections.list(loader.getResources(file))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String name = String.join(".", elements(property.path("name").asText()));
                            names.add(name);
                            if (property.path("type").asText().startsWith("java.util.Map<")) {
                                maps.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BoundPropertyCatalog(List.copyOf(roots), Set.copyOf(names), Set.copyOf(maps));
    }

    /** The {@code @ConfigurationProperties} classes of the bot, for a test that wants to see they were found. */
    List<Class<?>> botClasses() {
        return roots.stream().<Class<?>>map(Root::type).toList();
    }

    /** Whether a property of this name ({@code a.b-c[0].d}, or an environment variable) is bound by anything. */
    boolean isBound(String name) {
        if (name.contains(".") || !name.equals(name.toUpperCase(Locale.ROOT))) {
            return isBound(elements(name));
        }
        return environmentElements(name).stream().anyMatch(this::isBound);
    }

    private boolean isBound(List<String> elements) {
        if (!elements.isEmpty() && elements.get(0).equals("vdibot")) {
            return roots.stream().anyMatch(root -> startsWith(elements, root.prefix())
                    && matches(ResolvableType.forClass(root.type()), elements, root.prefix().size()));
        }
        for (int end = elements.size(); end > 0; end--) {
            String prefix = String.join(".", elements.subList(0, end));
            if (end == elements.size() && metadataNames.contains(prefix)) {
                return true;
            }
            if (end < elements.size() && metadataMaps.contains(prefix)) {
                return true;
            }
            if (end < elements.size() && metadataNames.contains(prefix)
                    && elements.subList(end, elements.size()).stream().allMatch(BoundPropertyCatalog::isIndex)) {
                return true;
            }
        }
        return false;
    }

    /** {@code vdibot.sites[0].password-file} → {@code vdibot, sites, [0], passwordfile}. */
    static List<String> elements(String name) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                add(elements, current);
            } else if (c == '[') {
                add(elements, current);
                int end = name.indexOf(']', i);
                elements.add(name.substring(i, end + 1));
                i = end;
            } else {
                current.append(c);
            }
        }
        add(elements, current);
        return elements;
    }

    /**
     * What Spring may read {@code VDIBOT_SITES_0_PASSWORDFILE} as: {@code vdibot, sites, [0], passwordfile}. Spring
     * also takes an underscore for a dash ({@code SPRING_CONFIG_ADDITIONAL_LOCATION}), so every such reading is given.
     */
    static List<List<String>> environmentElements(String variable) {
        List<String> parts = Arrays.stream(variable.split("_")).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
        List<List<String>> readings = new ArrayList<>();
        readings.add(new ArrayList<>());
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            List<List<String>> next = new ArrayList<>();
            for (List<String> reading : readings) {
                List<String> separate = new ArrayList<>(reading);
                separate.add(part.chars().allMatch(Character::isDigit) ? "[" + part + "]" : part);
                next.add(separate);
                if (i > 0 && !isIndex(reading.get(reading.size() - 1))) {
                    List<String> joined = new ArrayList<>(reading);
                    joined.set(joined.size() - 1, joined.get(joined.size() - 1) + part);
                    next.add(joined);
                }
            }
            readings = next;
        }
        return readings;
    }

    private static void add(List<String> elements, StringBuilder current) {
        if (!current.isEmpty()) {
            elements.add(uniform(current.toString()));
            current.setLength(0);
        }
    }

    private static String uniform(String element) {
        return element.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isIndex(String element) {
        return element.startsWith("[");
    }

    private static boolean startsWith(List<String> elements, List<String> prefix) {
        return elements.size() >= prefix.size() && elements.subList(0, prefix.size()).equals(prefix);
    }

    private static boolean matches(ResolvableType type, List<String> elements, int i) {
        if (i == elements.size()) {
            return true;
        }
        Class<?> raw = type.toClass();
        String element = elements.get(i);
        if (raw.isArray()) {
            return isIndex(element) && matches(type.getComponentType(), elements, i + 1);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return isIndex(element) && matches(type.asCollection().getGeneric(0), elements, i + 1);
        }
        if (Map.class.isAssignableFrom(raw)) {
            ResolvableType value = type.asMap().getGeneric(1);
            // a map of plain values takes the rest as its key (logging.level.io.vdibot); else one element is the key
            return isLeaf(value.toClass()) || matches(value, elements, i + 1);
        }
        if (isLeaf(raw) || isIndex(element)) {
            return false;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (uniform(component.getName()).equals(element)) {
                    return matches(ResolvableType.forType(component.getGenericType(), type), elements, i + 1);
                }
            }
            return false;
        }
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (uniform(field.getName()).equals(element)) {
                    return matches(ResolvableType.forField(field, type), elements, i + 1);
                }
            }
        }
        return false;
    }

    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || (type.getName().startsWith("java.")
                && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type) && !type.isArray());
    }
}
