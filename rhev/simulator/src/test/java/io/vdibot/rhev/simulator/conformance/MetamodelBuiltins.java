package io.vdibot.rhev.simulator.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The types the metamodel adds to every model when it generates the engine's schema, because the
 * REST layer needs them but the model itself does not declare them: {@code Fault} (body of every
 * error), {@code GracePeriod}, and {@code Action} (body of every action request and response).
 *
 * <p>{@code Action} is not a fixed list: besides {@code status}, {@code fault}, {@code grace_period}
 * and {@code job} it holds every parameter of every action method of every service, so it is built
 * here from the model's service interfaces. A service method is a nested interface of a service
 * ({@code VmService.Start}), and its alternative signatures are interfaces nested in the method
 * ({@code VmsService.Add.FromScratch}, extending {@code Add}). The metamodel counts every one of
 * them whose own name is not add/get/list/remove/update as an action, so the parameters of the
 * signatures of "add" ({@code clone_permissions}, {@code seal}, ...) end up in {@code Action} too;
 * the SDK's {@code Action} confirms it. Parameters are the zero-argument methods.
 */
final class MetamodelBuiltins {

    private static final Set<String> NON_ACTION_METHODS = Set.of("Add", "Get", "List", "Remove", "Update");

    private final ModelArtifact artifact;
    private final ModelTypeReader reader;

    MetamodelBuiltins(ModelArtifact artifact, ModelTypeReader reader) {
        this.artifact = artifact;
        this.reader = reader;
    }

    void addAll() {
        reader.add(ModelType.struct("Fault", false, EngineNaming.collectionTag("Fault"), Map.of(
                "reason", ModelMember.single("reason", "String"),
                "detail", ModelMember.single("detail", "String"))));
        reader.add(ModelType.struct("GracePeriod", false, EngineNaming.collectionTag("GracePeriod"), Map.of(
                "expiry", ModelMember.single("expiry", "Integer"))));
        reader.add(ModelType.struct("Action", true, null, actionMembers()));
        reader.readPending();
    }

    private Map<String, ModelMember> actionMembers() {
        // Action extends Identified, and its own four members win over equally named parameters
        Map<String, ModelMember> members = new LinkedHashMap<>(reader.membersOf(types.Identified.class));
        members.put("status", ModelMember.single("status", "String"));
        members.put("fault", ModelMember.single("fault", "Fault"));
        members.put("grace_period", ModelMember.single("grace_period", "GracePeriod"));
        members.put("job", ModelMember.single("job", "Job"));
        reader.read(types.Job.class);
        for (String className : artifact.classNames("services")) {
            if (isActionMethod(className)) {
                reader.membersOf(artifact.load(className)).forEach(members::putIfAbsent);
            }
        }
        return members;
    }

    /** {@code services.VmService$Start} is a method, {@code ...$Add$UserLevel} a signature. */
    private boolean isActionMethod(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String[] parts = simple.split("\\$");
        return parts.length >= 2
                && !NON_ACTION_METHODS.contains(parts[parts.length - 1])
                && artifact.load(className).isInterface();
    }
}
