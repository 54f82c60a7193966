package io.vdibot.rhev.simulator.engine;

/**
 * The engine's own validation texts (its AppErrors catalogue) for the failures clients can hit,
 * with ${action} and ${type} filled in the way the backend fills them.
 */
public final class EngineMessages {

    private EngineMessages() {
    }

    public static String nameAlreadyUsed(String action, String type) {
        return "Cannot " + action + " " + type + ". The " + type
                + " name is already in use, please choose a unique name and try again.";
    }

    public static String nameTooLong(String action, String type) {
        return "Cannot " + action + " " + type + ". The given name is too long.";
    }

    public static String nameSpecialChars(String action, String type) {
        return "Can not " + action + " " + type + ". The given name contains special characters. "
                + "Only lower-case and upper-case letters, numbers, '_', '-', '.' are allowed.";
    }

    public static String invalidPoolName(String action, String type) {
        return "Can not " + action + " " + type + ". The given name is invalid for pool name. Only lower-case "
                + "and upper-case letters, numbers, '_', '-', '.', and one mask sequence are allowed.";
    }

    public static String vmIsRunning(String action, String type) {
        return "Cannot " + action + " " + type + ". VM is running.";
    }

    public static String vmStatusIllegal(String action, String type, String status) {
        return "Cannot " + action + " " + type + " because the VM is in " + displayStatus(status) + " status.";
    }

    public static String vmIsLocked(String action, String type) {
        return "Cannot " + action + " " + type + ": VM is locked. Please try again in a few minutes.";
    }

    public static String templateImageLocked() {
        return "Template's Image is locked (temporarily).";
    }

    public static String objectLocked(String action, String type) {
        return "Cannot " + action + " " + type + ". Related operation is currently in progress. Please try again later.";
    }

    public static String templateFromRunningVm(String action, String type) {
        return "Cannot " + action + " " + type + ". VM is locked or still running, try again once VM is in the Down state.";
    }

    public static String cannotSealWindows(String action, String type) {
        return "Cannot " + action + " " + type + ". Sealing of Windows systems is currently not supported.";
    }

    public static String templateDoesNotExist(String action, String type) {
        return "Cannot " + action + " " + type + ". Template does not exist.";
    }

    public static String onlyBaseCanBeBase(String action, String type) {
        return "Cannot " + action + " " + type + ". Only the first template version can be selected as the base template.";
    }

    public static String poolCannotCreateWithNoVms() {
        return "Cannot create Pool with 0 VMs";
    }

    public static String poolFromBlankTemplate() {
        return "VM-Pool must be based on  non-blank Template.";
    }

    public static String poolCannotDecrease() {
        return "Cannot decrease VMs from VM-Pool.";
    }

    public static String poolCannotChangeName() {
        return "Cannot change VM-Pool name.";
    }

    public static String poolCannotChangeType() {
        return "Cannot change VM-Pool type.";
    }

    public static String poolCannotChangeStateful() {
        return "Cannot change VM-Pool stateful option.";
    }

    public static String poolPrestartedExceedsSize(String action, String type) {
        return "Cannot " + action + " " + type + ". Number of Prestarted VMs cannot exceed the number of VMs in the Pool.";
    }

    public static String poolMaxUserVmsOutOfRange() {
        return "Number of max assigned VMs per user must be between 1 and 32,767.";
    }

    public static String poolIsBeingCreated(String action, String type, String pool) {
        return "Cannot " + action + " " + type + ". VM Pool " + pool + " is being created.";
    }

    public static String poolIsBeingUpdated(String action, String type, String pool) {
        return "Cannot " + action + " " + type + ". VM Pool " + pool + " is being updated.";
    }

    public static String poolIsBeingRemoved(String action, String type, String pool) {
        return "Cannot " + action + " " + type + ". VM Pool " + pool + " is being removed.";
    }

    public static String noAvailablePoolVms(String action, String type) {
        return "Cannot " + action + " " + type + ". There are no available VMs in the VM-Pool.";
    }

    public static String poolUserAtMaximum() {
        return "User is already attached to maximum number of VMs from this VM-Pool.";
    }

    public static String vmAttachedToPool(String action, String type) {
        return "Cannot " + action + " " + type + ". VM is attached to a VM Pool.";
    }

    public static String detachRunningVmFromPool() {
        return "Cannot detach VM from VM-Pool. VM is running.";
    }

    public static String vmNotInPool() {
        return "Cannot detach VM from VM-Pool. VM is not attached to any VM-Pool.";
    }

    public static String storageDomainStatusIllegal(String action, String type, String status) {
        return "Cannot " + action + " " + type + ". The relevant Storage Domain's status is "
                + displayStatus(status) + ".";
    }

    public static String notExportDomain(String action, String type, String domain) {
        return "Cannot " + action + " " + type + ". The specified domain '" + domain + "' is not an export domain.";
    }

    public static String storagePoolNotMatch(String action, String type) {
        return "Cannot " + action + " " + type + ". The Storage Domain and the Data Center are not in the same "
                + "Data Center.";
    }

    public static String templateBeingExported(String action, String type, String template) {
        return "Cannot " + action + " " + type + ". Template " + template + " is being exported.";
    }

    public static String storageDomainAlreadyDetached() {
        return "Storage Domain is already detached from the Data Center.";
    }

    public static String storageDomainAlreadyExists(String action, String type) {
        return "Cannot " + action + " " + type + ". The Storage Domain already exists.";
    }

    public static String moreThanOneExportDomain() {
        return "Cannot attach more than one Import/Export Storage Domain to the same Data Center. If you want to use "
                + "a newly created Domain, detach the existing attached Domain and attach the new one.";
    }

    /** VDSM's refusal when the domain metadata still names another data center as its owner. */
    public static String domainAttachedElsewhere() {
        return "The Domain is already used by another Data Center.\nIn order to use it, detach it from the Data "
                + "Center it is currently attached to.";
    }

    public static String importTemplateExists(String action, String type, String name) {
        return "Cannot " + action + " " + type + ". Template or VM with the same ID already exists in the system. "
                + "Please remove the Template or VM (" + name + ") from the system first";
    }

    public static String importTemplateNameExists() {
        return "Import Template failed - Template Name already exists in the system. Please rename the Template in "
                + "the system first";
    }

    public static String clusterNotValid(String action, String type) {
        return "Cannot " + action + " " + type + ". Cluster ID is not valid.";
    }

    public static String domainTypeIllegal(String action, String type) {
        return "Cannot " + action + " " + type + ". The Storage Domain type is not supported for this operation.";
    }

    public static String noHostUpInCluster(String action, String type) {
        return "Cannot " + action + " " + type + ". There are no available running Hosts in the Cluster.";
    }

    public static String invalidRole() {
        return "Cannot add permission, invalid Role id";
    }

    public static String permissionOnPoolVm() {
        return "Cannot add permission, VM is part of VM-Pool, permission should be given on VM-Pool instead";
    }

    public static String exportFailed(String template, String domain) {
        return "Failed to export Template " + template + " to " + domain;
    }

    /** Status names as the backend prints them in messages ("Up", "Preparing For Maintenance"). */
    static String displayStatus(String status) {
        StringBuilder out = new StringBuilder();
        for (String word : status.split("_")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
