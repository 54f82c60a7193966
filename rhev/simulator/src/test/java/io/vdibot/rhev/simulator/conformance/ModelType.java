package io.vdibot.rhev.simulator.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A type of the API model as the engine's XML sees it: a scalar ({@link Kind#PRIMITIVE}), an
 * enumeration written as lower-case text, or a structure whose members are child elements.
 */
final class ModelType {

    enum Kind { PRIMITIVE, ENUM, STRUCT }

    private final String name;
    private final Kind kind;
    private final boolean resource;
    private final String tag;
    private final String collectionTag;
    private final Map<String, ModelMember> members;
    private final Set<String> enumValues;
    private final boolean idAttribute;

    private ModelType(String name, Kind kind, boolean resource, String tag, String collectionTag,
                      Map<String, ModelMember> members, Set<String> enumValues) {
        this(name, kind, resource, tag, collectionTag, members, enumValues, resource);
    }

    private ModelType(String name, Kind kind, boolean resource, String tag, String collectionTag,
                      Map<String, ModelMember> members, Set<String> enumValues, boolean idAttribute) {
        this.idAttribute = idAttribute;
        this.name = name;
        this.kind = kind;
        this.resource = resource;
        this.tag = tag;
        this.collectionTag = collectionTag;
        this.members = Collections.unmodifiableMap(new TreeMap<>(members));
        this.enumValues = Collections.unmodifiableSet(new TreeSet<>(enumValues));
    }

    static ModelType primitive(String name) {
        return new ModelType(name, Kind.PRIMITIVE, false, null, null, Map.of(), Set.of());
    }

    static ModelType enumeration(String name, Set<String> values) {
        return new ModelType(name, Kind.ENUM, false, null, null, Map.of(), values);
    }

    /**
     * @param resource      whether the engine treats it as a resource: it then carries {@code id} and
     *                      {@code href} attributes and may hold {@code <link>} and {@code <actions>}
     * @param collectionTag {@code null} for types the engine never lists ({@code Action})
     */
    static ModelType struct(String name, boolean resource, String collectionTag, Map<String, ModelMember> members) {
        return new ModelType(name, Kind.STRUCT, resource, EngineNaming.typeTag(name), collectionTag, members, Set.of());
    }

    /**
     * Like {@link #struct(String, boolean, String, Map)} for a type that is no resource but has an
     * {@code id} member, which the XML carries as an attribute ({@code <vlan id="210"/>}).
     */
    static ModelType structWithIdAttribute(String name, String collectionTag, Map<String, ModelMember> members) {
        return new ModelType(name, Kind.STRUCT, false, EngineNaming.typeTag(name), collectionTag, members, Set.of(),
                true);
    }

    String name() {
        return name;
    }

    /** Whether elements of this type may carry an {@code id} attribute. */
    boolean hasIdAttribute() {
        return idAttribute;
    }

    Kind kind() {
        return kind;
    }

    boolean isStruct() {
        return kind == Kind.STRUCT;
    }

    boolean isResource() {
        return resource;
    }

    /** The element holding one object of this type, e.g. {@code vm_pool}; only for structures. */
    String tag() {
        return tag;
    }

    /** The element holding a collection of this type, e.g. {@code vm_pools}; only for structures. */
    Optional<String> collectionTag() {
        return Optional.ofNullable(collectionTag);
    }

    Optional<ModelMember> member(String elementName) {
        return Optional.ofNullable(members.get(elementName));
    }

    Map<String, ModelMember> members() {
        return members;
    }

    Set<String> enumValues() {
        return enumValues;
    }

    @Override
    public String toString() {
        return name;
    }
}
