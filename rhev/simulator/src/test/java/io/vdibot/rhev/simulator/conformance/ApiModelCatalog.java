package io.vdibot.rhev.simulator.conformance;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every type of the oVirt API model and the XML elements it may contain, derived at run time from
 * the model artifact on the test class path, so a model upgrade updates the conformance rules.
 *
 * <p>Besides the model's own types it holds the metamodel's built-ins ({@code Action},
 * {@code Fault}, {@code GracePeriod}); see {@link MetamodelBuiltins}.
 */
final class ApiModelCatalog {

    private static volatile ApiModelCatalog shared;

    private final Map<String, ModelType> byName;
    private final Map<String, ModelType> byTag = new HashMap<>();
    private final Map<String, ModelType> byCollectionTag = new HashMap<>();

    private ApiModelCatalog(Map<String, ModelType> types) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        for (ModelType type : types.values()) {
            // Identified is the abstract base of resources; the schema has no element for it
            if (!type.isStruct() || type.name().equals("Identified")) {
                continue;
            }
            index(byTag, type.tag(), type);
            type.collectionTag().ifPresent(tag -> index(byCollectionTag, tag, type));
        }
        byTag.keySet().stream().filter(byCollectionTag::containsKey).findAny().ifPresent(tag -> {
            throw new IllegalStateException("<" + tag + "> would be both an object and a collection");
        });
    }

    /** The catalog of the model on the class path; read once, it takes a moment. */
    static ApiModelCatalog shared() {
        ApiModelCatalog catalog = shared;
        if (catalog == null) {
            synchronized (ApiModelCatalog.class) {
                catalog = shared;
                if (catalog == null) {
                    catalog = load(ModelArtifact.onClassPath());
                    shared = catalog;
                }
            }
        }
        return catalog;
    }

    static ApiModelCatalog load(ModelArtifact artifact) {
        ModelTypeReader reader = new ModelTypeReader();
        artifact.classNames("types").stream()
                .filter(name -> name.indexOf('$') < 0)
                .map(artifact::load)
                .forEach(reader::read);
        new MetamodelBuiltins(artifact, reader).addAll();
        return new ApiModelCatalog(reader.types());
    }

    /** A type by its model name, e.g. {@code VmPool}. */
    Optional<ModelType> type(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    ModelType require(String name) {
        return type(name).orElseThrow(() -> new IllegalArgumentException("no model type " + name));
    }

    /** The type whose single object is written as {@code <tag>}, e.g. {@code vm_pool} → VmPool. */
    Optional<ModelType> typeForTag(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** The type whose collection is written as {@code <tag>}, e.g. {@code vm_pools} → VmPool. */
    Optional<ModelType> typeForCollectionTag(String tag) {
        return Optional.ofNullable(byCollectionTag.get(tag));
    }

    Collection<ModelType> types() {
        return byName.values();
    }

    private static void index(Map<String, ModelType> index, String tag, ModelType type) {
        ModelType clash = index.putIfAbsent(tag, type);
        if (clash != null) {
            throw new IllegalStateException("<" + tag + "> names both " + clash + " and " + type);
        }
    }
}
