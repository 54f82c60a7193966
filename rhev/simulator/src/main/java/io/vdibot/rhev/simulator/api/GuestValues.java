package io.vdibot.rhev.simulator.api;

import org.ovirt.engine.sdk4.builders.GuestOperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.KernelBuilder;
import org.ovirt.engine.sdk4.builders.TimeZoneBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.types.GuestOperatingSystem;
import org.ovirt.engine.sdk4.types.TimeZone;

/**
 * What a guest agent reports about the guest once it runs, by the VM's OS type: shared constants,
 * as every guest of one OS type reports the same.
 */
final class GuestValues {

    private static final GuestOperatingSystem WINDOWS = new GuestOperatingSystemBuilder().architecture("x86_64")
            .family("Windows").distribution("Microsoft Windows").codename("")
            .kernel(new KernelBuilder().version(new VersionBuilder().major(10).minor(0).build(19045)
                    .fullVersion("10.0.19045")))
            .version(new VersionBuilder().major(10).minor(0).build(19045).fullVersion("10.0.19045")).build();
    private static final GuestOperatingSystem RHEL9 = linux("Red Hat Enterprise Linux", "Plow", 9, 2,
            "5.14.0-284.11.1.el9_2.x86_64");
    private static final GuestOperatingSystem RHEL8 = linux("Red Hat Enterprise Linux", "Ootpa", 8, 8,
            "4.18.0-477.10.1.el8_8.x86_64");
    private static final TimeZone WINDOWS_ZONE = new TimeZoneBuilder().name("GMT Standard Time").utcOffset("+00:00")
            .build();
    private static final TimeZone LINUX_ZONE = new TimeZoneBuilder().name("Etc/UTC").utcOffset("+00:00").build();

    private GuestValues() {
    }

    private static GuestOperatingSystem linux(String distribution, String codename, int major, int minor,
            String kernel) {
        return new GuestOperatingSystemBuilder().architecture("x86_64").family("Linux").distribution(distribution)
                .codename(codename)
                .kernel(new KernelBuilder().version(new VersionBuilder().fullVersion(kernel)))
                .version(new VersionBuilder().major(major).minor(minor).fullVersion(major + "." + minor)).build();
    }

    static GuestOperatingSystem operatingSystem(String osType) {
        if (osType != null && osType.startsWith("windows")) {
            return WINDOWS;
        }
        return osType != null && osType.startsWith("rhel_8") ? RHEL8 : RHEL9;
    }

    static TimeZone timeZone(String osType) {
        return osType != null && osType.startsWith("windows") ? WINDOWS_ZONE : LINUX_ZONE;
    }
}
