package io.vdibot.rhev.simulator.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The naming rules the oVirt metamodel applies when it turns the Java-like API model into XML.
 *
 * <p>A model name is split into words at every upper-case letter ({@code reportedDevices} is
 * {@code reported} + {@code devices}); XML names are those words in lower case joined with
 * {@code _}. Collections use the plural of the last word only ({@code VmPool} → {@code vm_pools}),
 * and the items of a list of scalars use the singular of the member's name. A handful of tags were
 * fixed by the engine before the model existed and are renamed after that computation; those
 * renames are the only names that cannot be derived from the model, so they are listed here and
 * checked against the SDK's reader registry by {@code SdkAgreementTest}.
 */
final class EngineNaming {

    /** Engine tag names that predate the model; keyed by the name the plain rule would give. */
    private static final Map<String, String> LEGACY_TAGS = Map.ofEntries(
            Map.entry("gluster_brick", "brick"),
            Map.entry("gluster_bricks", "bricks"),
            Map.entry("gluster_brick_memory_info", "brick_memoryinfo"),
            Map.entry("gluster_memory_pool", "memory_pool"),
            Map.entry("gluster_memory_pools", "memory_pools"),
            Map.entry("gluster_server_hook", "server_hook"),
            Map.entry("gluster_server_hooks", "server_hooks"),
            Map.entry("migration_options", "migration"),
            Map.entry("numa_node", "host_numa_node"),
            Map.entry("numa_nodes", "host_numa_nodes"),
            Map.entry("virtual_numa_node", "vm_numa_node"),
            Map.entry("virtual_numa_nodes", "vm_numa_nodes"),
            Map.entry("open_stack_image", "openstack_image"),
            Map.entry("open_stack_images", "openstack_images"),
            Map.entry("open_stack_image_provider", "openstack_image_provider"),
            Map.entry("open_stack_image_providers", "openstack_image_providers"),
            Map.entry("open_stack_network", "openstack_network"),
            Map.entry("open_stack_networks", "openstack_networks"),
            Map.entry("open_stack_network_provider", "openstack_network_provider"),
            Map.entry("open_stack_network_providers", "openstack_network_providers"),
            Map.entry("open_stack_subnet", "openstack_subnet"),
            Map.entry("open_stack_subnets", "openstack_subnets"),
            Map.entry("open_stack_volume", "openstack_volume"),
            Map.entry("open_stack_volumes", "openstack_volumes"),
            Map.entry("open_stack_volume_provider", "openstack_volume_provider"),
            Map.entry("open_stack_volume_providers", "openstack_volume_providers"),
            Map.entry("operating_system", "os"),
            Map.entry("operating_systems", "oss"),
            Map.entry("operating_system_info", "operating_system"),
            Map.entry("operating_system_infos", "operation_systems"),
            Map.entry("transparent_huge_pages", "transparent_hugepages"));

    /** English plurals the simple "+s / y→ies" rule gets wrong for words the model uses. */
    private static final Map<String, String> IRREGULAR_PLURALS = Map.of(
            "display", "displays",
            "erratum", "errata",
            "key", "keys");

    private EngineNaming() {
    }

    /** The XML element name of a model member, e.g. {@code useLatestTemplateVersion} → {@code use_latest_template_version}. */
    static String elementName(String javaMemberName) {
        return tag(words(javaMemberName));
    }

    /** The element that holds one object of a model type, e.g. {@code VmPool} → {@code vm_pool}. */
    static String typeTag(String typeName) {
        return tag(words(typeName));
    }

    /** The element that holds a collection of a model type, e.g. {@code VmPool} → {@code vm_pools}. */
    static String collectionTag(String typeName) {
        return tag(plural(words(typeName)));
    }

    /** The item element inside a list of scalars, e.g. member {@code nameServers} → {@code name_server}. */
    static String scalarItemTag(String javaMemberName) {
        return tag(singular(words(javaMemberName)));
    }

    /** The XML text of an enum constant, e.g. {@code IMAGE_LOCKED} → {@code image_locked}. */
    static String enumValue(String constantName) {
        return constantName.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits a Java identifier into lower-case words at each upper-case letter. Leading and trailing
     * underscores only dodge Java keywords ({@code _interface}, {@code clone_}) and are dropped.
     */
    static List<String> words(String javaName) {
        String name = javaName.replaceAll("^_+|_+$", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            word.append(Character.toLowerCase(c));
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    static List<String> plural(List<String> words) {
        return replaceLast(words, EngineNaming::pluralOf);
    }

    static List<String> singular(List<String> words) {
        return replaceLast(words, EngineNaming::singularOf);
    }

    private static String tag(List<String> words) {
        String plain = String.join("_", words);
        return LEGACY_TAGS.getOrDefault(plain, plain);
    }

    private static String pluralOf(String word) {
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        return word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }

    private static String singularOf(String word) {
        for (Map.Entry<String, String> irregular : IRREGULAR_PLURALS.entrySet()) {
            if (irregular.getValue().equals(word)) {
                return irregular.getKey();
            }
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static List<String> replaceLast(List<String> words, java.util.function.UnaryOperator<String> change) {
        List<String> result = new ArrayList<>(words);
        int last = result.size() - 1;
        result.set(last, change.apply(result.get(last)));
        return result;
    }
}
