package io.vdibot.rhev.simulator.conformance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns compiled model classes into {@link ModelType}s. In the model every type is a Java interface
 * (or enum) whose zero-argument methods are its attributes and links; an array return type is a
 * list. Inherited methods count, so {@code Vm extends VmBase extends Identified} yields the members of
 * all three. Types met as member types are queued and read as well.
 */
final class ModelTypeReader {

    /** Members the engine writes as XML attributes of the owning element, never as child elements. */
    private static final Set<String> XML_ATTRIBUTES = Set.of("id", "href", "rel");

    /** How the model's scalar Java types are called in the model language. */
    private static final Map<Class<?>, String> PRIMITIVES = Map.of(
            String.class, "String",
            Boolean.class, "Boolean",
            Integer.class, "Integer",
            Double.class, "Decimal",
            Date.class, "Date");

    private final Map<String, ModelType> types = new LinkedHashMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();

    ModelTypeReader() {
        PRIMITIVES.values().forEach(name -> types.putIfAbsent(name, ModelType.primitive(name)));
    }

    /** Reads {@code modelClass} and every type reachable from it. */
    void read(Class<?> modelClass) {
        pending.add(modelClass);
        readPending();
    }

    /** Reads the types that {@link #membersOf} met but that are not read yet. */
    void readPending() {
        while (!pending.isEmpty()) {
            Class<?> next = pending.poll();
            if (!types.containsKey(next.getSimpleName())) {
                types.put(next.getSimpleName(), toType(next));
            }
        }
    }

    void add(ModelType type) {
        types.put(type.name(), type);
    }

    Map<String, ModelType> types() {
        return types;
    }

    /**
     * The members a model interface declares or inherits, keyed by element name. Methods with a
     * body (the model's documentation helpers) and the {@code id}/{@code href} attributes are left out.
     */
    Map<String, ModelMember> membersOf(Class<?> modelInterface) {
        Map<String, Method> chosen = new LinkedHashMap<>();
        for (Method method : modelInterface.getMethods()) {
            if (!isModelMember(method) || XML_ATTRIBUTES.contains(EngineNaming.elementName(method.getName()))) {
                continue;
            }
            // a sub-interface may narrow an inherited member; its declaration is the one that counts
            chosen.merge(EngineNaming.elementName(method.getName()), method, (kept, other) ->
                    kept.getDeclaringClass().isAssignableFrom(other.getDeclaringClass()) ? other : kept);
        }
        return chosen.values().stream().collect(Collectors.toMap(
                method -> EngineNaming.elementName(method.getName()), this::toMember,
                (a, b) -> a, LinkedHashMap::new));
    }

    private ModelType toType(Class<?> modelClass) {
        String name = modelClass.getSimpleName();
        if (modelClass.isEnum()) {
            return ModelType.enumeration(name, Arrays.stream(modelClass.getEnumConstants())
                    .map(constant -> EngineNaming.enumValue(((Enum<?>) constant).name()))
                    .collect(Collectors.toSet()));
        }
        if (!modelClass.isInterface()) {
            throw new IllegalStateException("model type is neither interface nor enum: " + modelClass.getName());
        }
        boolean resource = isResource(modelClass);
        if (!resource && hasIdMember(modelClass)) {
            return ModelType.structWithIdAttribute(name, EngineNaming.collectionTag(name), membersOf(modelClass));
        }
        return ModelType.struct(name, resource, EngineNaming.collectionTag(name), membersOf(modelClass));
    }

    private static boolean hasIdMember(Class<?> modelClass) {
        return Arrays.stream(modelClass.getMethods()).anyMatch(m -> isModelMember(m) && m.getName().equals("id"));
    }

    /**
     * Identified types (and the API root) are resources: the engine's schema derives them from its
     * {@code BaseResource}, which adds the {@code id}/{@code href} attributes, links and actions.
     */
    private static boolean isResource(Class<?> modelClass) {
        return types.Identified.class.isAssignableFrom(modelClass) || modelClass == types.Api.class;
    }

    private ModelMember toMember(Method method) {
        Class<?> returned = method.getReturnType();
        boolean list = returned.isArray();
        Class<?> valueClass = list ? returned.getComponentType() : returned;
        String typeName = typeNameOf(valueClass);
        String element = EngineNaming.elementName(method.getName());
        if (!list) {
            return ModelMember.single(element, typeName);
        }
        String itemTag = valueClass.isInterface()
                ? EngineNaming.typeTag(typeName)
                : EngineNaming.scalarItemTag(method.getName());
        return ModelMember.list(element, typeName, itemTag);
    }

    private String typeNameOf(Class<?> valueClass) {
        String primitive = PRIMITIVES.get(valueClass);
        if (primitive != null) {
            return primitive;
        }
        if (valueClass.getName().startsWith("java.") || valueClass.isPrimitive()) {
            throw new IllegalStateException("scalar type the model is not known to use: " + valueClass.getName());
        }
        pending.add(valueClass);
        return valueClass.getSimpleName();
    }

    private static boolean isModelMember(Method method) {
        return !method.isDefault()
                && !method.isSynthetic()
                && !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 0;
    }
}
