package io.vdibot.rhev.simulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineNamingTest {

    @ParameterizedTest
    @CsvSource({
            "reportedDevices, reported_devices",
            "useLatestTemplateVersion, use_latest_template_version",
            "prestartedVms, prestarted_vms",
            "ipv6BootProtocol, ipv6_boot_protocol",
            "_interface, interface",
            "clone_, clone",
            "numaNodes, host_numa_nodes",
            "migration, migration",
    })
    void membersBecomeLowerSnakeCaseElements(String javaName, String element) {
        assertThat(EngineNaming.elementName(javaName)).isEqualTo(element);
    }

    @ParameterizedTest
    @CsvSource({
            "VmPool, vm_pool, vm_pools",
            "Vm, vm, vms",
            "StorageDomain, storage_domain, storage_domains",
            "ReportedDevice, reported_device, reported_devices",
            "DataCenter, data_center, data_centers",
            "DiskAttachment, disk_attachment, disk_attachments",
            "VnicProfile, vnic_profile, vnic_profiles",
            "MacPolicy, mac_policy, mac_policies",
            "KatelloErratum, katello_erratum, katello_errata",
            "Display, display, displays",
            "Qos, qos, qoss",
            "OperatingSystem, os, oss",
            "MigrationOptions, migration, migration_optionss",
    })
    void typesHaveASingularAndACollectionTag(String type, String tag, String collectionTag) {
        assertThat(EngineNaming.typeTag(type)).isEqualTo(tag);
        assertThat(EngineNaming.collectionTag(type)).isEqualTo(collectionTag);
    }

    @ParameterizedTest
    @CsvSource({
            "usages, usage",
            "nameServers, name_server",
            "requiredRngSources, required_rng_source",
            "devices, device",
    })
    void itemsOfScalarListsUseTheSingularOfTheMember(String javaName, String itemTag) {
        assertThat(EngineNaming.scalarItemTag(javaName)).isEqualTo(itemTag);
    }

    @ParameterizedTest
    @CsvSource({"IMAGE_LOCKED, image_locked", "V4, v4", "X86_64, x86_64"})
    void enumConstantsAreWrittenInLowerCase(String constant, String text) {
        assertThat(EngineNaming.enumValue(constant)).isEqualTo(text);
    }
}
