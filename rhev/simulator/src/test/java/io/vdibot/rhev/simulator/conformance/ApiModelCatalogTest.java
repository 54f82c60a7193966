package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiModelCatalogTest {

    private final ApiModelCatalog catalog = ApiModelCatalog.shared();

    @Test
    void readsEveryTypeOfTheModelArtifact() {
        long modelTypes = ModelArtifact.onClassPath().classNames("types").size();
        assertThat(modelTypes).isGreaterThan(300);
        // the model's types, plus the gluster enums kept under services, the scalars and the built-ins
        assertThat(catalog.types().size()).isGreaterThan((int) modelTypes);
    }

    @ParameterizedTest
    @CsvSource({
            "Vm, reported_devices, ReportedDevice, true",
            "Vm, use_latest_template_version, Boolean, false",
            "Vm, disk_attachments, DiskAttachment, true",
            "Vm, vm_pool, VmPool, false",
            "VmPool, prestarted_vms, Integer, false",
            "VmPool, size, Integer, false",
            "StorageDomain, data_centers, DataCenter, true",
            "StorageDomain, storage, HostStorage, false",
            "Template, version, TemplateVersion, false",
            "TemplateVersion, version_number, Integer, false",
            "TemplateVersion, base_template, Template, false",
            "ReportedDevice, ips, Ip, true",
            "Job, status, JobStatus, false",
    })
    void knowsTheMembersOfEachType(String type, String element, String memberType, boolean list) {
        ModelMember member = catalog.require(type).member(element).orElseThrow();
        assertThat(member.typeName()).isEqualTo(memberType);
        assertThat(member.list()).isEqualTo(list);
    }

    @Test
    void followsTheExtendsChainOfInterfaces() {
        ModelType vm = catalog.require("Vm");
        assertThat(vm.member("status")).as("declared by Vm").isPresent();
        assertThat(vm.member("memory")).as("inherited from VmBase").isPresent();
        assertThat(vm.member("name")).as("inherited from Identified").isPresent();
        assertThat(vm.isResource()).isTrue();
    }

    @Test
    void idAndHrefAreAttributesNotElements() {
        assertThat(catalog.require("Vm").member("id")).isEmpty();
        assertThat(catalog.require("Vm").member("href")).isEmpty();
    }

    @Test
    void anElementOfOneTypeIsNotAnElementOfAnother() {
        assertThat(catalog.require("Vm").member("size")).isEmpty();
        assertThat(catalog.require("Vm").member("prestarted_vms")).isEmpty();
    }

    @Test
    void listItemsAreNamedAfterTheirTypeOrTheSingularOfAScalarMember() {
        assertThat(catalog.require("Vm").member("reported_devices").orElseThrow().itemTag()).isEqualTo("reported_device");
        assertThat(catalog.require("StorageDomain").member("data_centers").orElseThrow().itemTag()).isEqualTo("data_center");
        assertThat(catalog.require("DataCenter").member("supported_versions").orElseThrow().itemTag()).isEqualTo("version");
        ModelMember usages = catalog.require("Network").member("usages").orElseThrow();
        assertThat(usages.typeName()).isEqualTo("NetworkUsage");
        assertThat(usages.itemTag()).isEqualTo("usage");
    }

    @ParameterizedTest
    @CsvSource({
            "vm, vms, Vm",
            "vm_pool, vm_pools, VmPool",
            "storage_domain, storage_domains, StorageDomain",
            "reported_device, reported_devices, ReportedDevice",
            "data_center, data_centers, DataCenter",
            "disk_attachment, disk_attachments, DiskAttachment",
            "vnic_profile, vnic_profiles, VnicProfile",
            "template_version, template_versions, TemplateVersion",
            "host_numa_node, host_numa_nodes, NumaNode",
            "os, oss, OperatingSystem",
    })
    void findsTypesByTheirTags(String tag, String collectionTag, String type) {
        assertThat(catalog.typeForTag(tag)).map(ModelType::name).contains(type);
        assertThat(catalog.typeForCollectionTag(collectionTag)).map(ModelType::name).contains(type);
    }

    @Test
    void hasNoElementForTheAbstractIdentifiedBase() {
        assertThat(catalog.typeForTag("identified")).isEmpty();
    }

    @Test
    void enumsCarryTheirLowerCaseValues() {
        ModelType vmStatus = catalog.require("VmStatus");
        assertThat(vmStatus.kind()).isEqualTo(ModelType.Kind.ENUM);
        assertThat(vmStatus.enumValues()).contains("up", "down", "image_locked", "powering_up", "wait_for_launch");
        assertThat(catalog.require("VmPoolType").enumValues()).containsExactlyInAnyOrder("automatic", "manual");
    }

    @Test
    void faultIsTheMetamodelBuiltIn() {
        ModelType fault = catalog.typeForTag("fault").orElseThrow();
        assertThat(fault.members().keySet()).containsExactlyInAnyOrder("reason", "detail");
        assertThat(fault.isResource()).isFalse();
    }

    @Test
    void actionHoldsStatusJobFaultAndEveryActionParameter() {
        ModelType action = catalog.typeForTag("action").orElseThrow();
        assertThat(action.member("status").orElseThrow().typeName()).isEqualTo("String");
        assertThat(action.member("job").orElseThrow().typeName()).isEqualTo("Job");
        assertThat(action.member("fault").orElseThrow().typeName()).isEqualTo("Fault");
        assertThat(action.member("grace_period").orElseThrow().typeName()).isEqualTo("GracePeriod");
        // parameters of VmService.Start, VmPoolService.AllocateVm, StorageDomainService.Deactivate, ...
        assertThat(action.members()).containsKeys("async", "vm", "use_cloud_init", "storage_domain", "force",
                "exclusive", "discard_snapshots", "clone");
        assertThat(action.isResource()).isTrue();
        assertThat(action.collectionTag()).as("the engine never lists actions").isEmpty();
    }
}
