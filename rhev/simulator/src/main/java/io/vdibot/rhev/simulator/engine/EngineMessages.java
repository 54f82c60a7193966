package io.vdibot.rhev.simulator.engine;

import java.util.List;

// Over 300 lines on purpose: a flat catalogue of one-line texts mirroring the engine's AppErrors, kept
// in one place so a text can be found and compared with the engine's without knowing who uses it.

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
        return "Cannot " + action + " " + type + ". The relevant Template doesn't exist.";
    }

    public static String blankTemplateCannotHaveVersions() {
        return "Blank template can't have sub-templates.";
    }

    public static String clusterOnDifferentDataCenter(String action, String type) {
        return "Cannot " + action + " " + type + ". Target cluster belongs to different Data Center.";
    }

    public static String templateNotInCurrentDataCenter() {
        return "The specified Template doesn't exist in the current Data Center.";
    }

    public static String cannotRemoveBlankTemplate(String action, String type) {
        return "Cannot " + action + " " + type + ". Removing Blank Template is not allowed.";
    }

    /** The engine joins the VM names with a bare comma. */
    public static String templateUsedByVms(java.util.List<String> vmNames) {
        return "Cannot delete Template. Template is being used by the following VMs: " + String.join(",", vmNames)
                + ".";
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

    public static String storageDomainNotExist(String action, String type) {
        return "Cannot " + action + " " + type + ". Storage Domain doesn't exist.";
    }

    public static String storageDomainNotInDataCenter(String action, String type) {
        return "Cannot " + action + " " + type + ". The selected Storage Domain is not part of the Data Center.";
    }

    /** ACTION_TYPE_FAILED_STORAGE_DOMAIN_STATUS_ILLEGAL, the variant without the status name. */
    public static String storageDomainInaccessible(String action, String type) {
        return "Cannot " + action + " " + type + ". The relevant Storage Domain is inaccessible.\n"
                + "-Please handle Storage Domain issues and retry the operation.";
    }

    public static String storageDomainTypeIllegal(String action, String type) {
        return "Cannot " + action + " " + type + ". Storage Domain type is illegal.";
    }

    /** The status is printed as the engine's StorageDomainStatus constant: "Active", "PreparingForMaintenance". */
    public static String storageDomainStatusIllegal(String action, String type, String status) {
        return "Cannot " + action + " " + type + ". The relevant Storage Domain's status is "
                + storageDomainStatusName(status) + ".";
    }

    public static String deactivateWithRunningTasks(String action, String type, String tasks) {
        return "Cannot " + action + " " + type + " while there are running tasks on this " + type + ".\n"
                + "-Tasks running: " + tasks + "\n-Please wait until tasks will finish and try again.";
    }

    public static String removeStorageHostNotUp(String action, String type, String host) {
        return "Cannot " + action + " " + type + ". Host " + host + " is not up.";
    }

    public static String removeStorageInvalidHostId() {
        return "Can not Remove Storage Domain - the underlying Host ID is invalid.";
    }

    /** AddStorageServerConnection's refusal, reached first when an engine already has a domain on that path. */
    public static String storageConnectionExists(String connectionId, String domainName) {
        return "Cannot add Storage Connection. Storage connection " + connectionId + " already exists for "
                + domainName + ".";
    }

    public static String storageConnectionInvalidHost() {
        return "Cannot add Storage Connection. Invalid Host Id.";
    }

    public static String storageConnectionHostNotUp() {
        return "Cannot add storage server connection when Host status is not up";
    }

    /** VDSM's answer when the NFS export cannot be mounted (ProblemWhileTryingToMountTarget). */
    public static String mountFailed() {
        return "Problem while trying to mount target";
    }

    /** VDSM's answer when a new domain is created on a path that already holds one (StorageDomainNotEmpty). */
    public static String storagePathNotEmpty() {
        return "Error in creating a Storage Domain. The selected storage path is not empty (probably contains "
                + "another Storage Domain). Either remove the existing Storage Domain from this path, or change the "
                + "Storage path).";
    }

    public static String clusterCanNotBeEmpty(String action, String type) {
        return "Cannot " + action + " " + type + ". The relevant Cluster doesn't exist.";
    }

    public static String importVersionWithoutBase() {
        return "Cannot import Template Version, Base Template for this Version is missing, please first Import Base "
                + "Template, or Import Version as Base Template using Clone.";
    }

    public static String notExportDomain(String action, String type, String domain) {
        return "Cannot " + action + " " + type + ". The specified domain '" + domain + "' is not an export domain.";
    }

    public static String storagePoolNotMatch(String action, String type) {
        return "Cannot " + action + " " + type + ". The target Data Center does not contain the " + type + ".";
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

    public static String noHostUpInCluster(String action, String type) {
        return "Cannot " + action + " " + type + ". There are no available running Hosts in the Cluster.";
    }

    /** ACTION_TYPE_FAILED_VM_IMAGE_IS_ILLEGAL: a disk of the VM is in illegal status. */
    public static String vmImageIllegal(String action, String type) {
        return "Cannot " + action + " " + type + ". VM's Image might be corrupted.";
    }

    /** SCHEDULING_NO_HOSTS, followed by each host's refusal. */
    public static String noHostSatisfiesScheduling(String action, String type, List<String> refusals) {
        return "Cannot " + action + " " + type + ". There is no host that satisfies current scheduling constraints. "
                + "See below for details:, " + String.join(", ", refusals);
    }

    /** The Memory filter's refusal of one host (VAR__DETAIL__NOT_ENOUGH_MEMORY), with its free memory in MB. */
    public static String hostMemoryTooLow(String host, long availableMb) {
        return "The host " + host + " did not satisfy internal filter Memory because its available memory is too "
                + "low (" + availableMb + " MB) to run the VM.";
    }

    public static String invalidRole() {
        return "Cannot add permission, invalid Role id";
    }

    public static String vmNotDown(String action, String type) {
        return "Cannot " + action + " " + type + ". At least one of the VMs is not down.";
    }

    public static String vmDuringSnapshot(String action, String type) {
        return "Cannot " + action + " " + type + ". The VM is performing an operation on a Snapshot. Please wait for "
                + "the operation to finish, and try again.";
    }

    public static String snapshotDoesNotExist(String action, String type) {
        return "Cannot " + action + " " + type + ". VM's Snapshot does not exist.";
    }

    public static String snapshotNotRegular(String action, String type) {
        return "Cannot " + action + " " + type + ". The operation is only allowed for regular snapshots.";
    }

    public static String disksLocked(String action, String type, String diskAliases) {
        return "Cannot " + action + " " + type + ": The following disks are locked: " + diskAliases
                + ". Please try again in a few minutes.";
    }

    public static String vmNotDownOrUp(String action, String type, String vmName) {
        return "Cannot " + action + " " + type + ". VM " + vmName + " must be in status Down, Up or Paused.";
    }

    public static String snapshotDescriptionCharacters() {
        return "Snapshot description must be formed only from alpha-numeric characters and special characters "
                + "that conform to the standard ASCII character set.";
    }

    public static String snapshotDescriptionTooLong() {
        return "Snapshot description must not exceed 4000 characters";
    }

    public static String permissionOnPoolVm() {
        return "Cannot add permission, VM is part of VM-Pool, permission should be given on VM-Pool instead";
    }

    public static String exportFailed(String template, String domain) {
        return "Failed to export Template " + template + " to " + domain;
    }

    static String storageDomainStatusName(String status) {
        StringBuilder out = new StringBuilder();
        for (String word : status.split("_")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
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
