package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.VmEntity;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.ovirt.engine.sdk4.builders.BiosBuilder;
import org.ovirt.engine.sdk4.builders.BootBuilder;
import org.ovirt.engine.sdk4.builders.BootMenuBuilder;
import org.ovirt.engine.sdk4.builders.CpuProfileBuilder;
import org.ovirt.engine.sdk4.builders.DisplayBuilder;
import org.ovirt.engine.sdk4.builders.HighAvailabilityBuilder;
import org.ovirt.engine.sdk4.builders.IoBuilder;
import org.ovirt.engine.sdk4.builders.MethodBuilder;
import org.ovirt.engine.sdk4.builders.MigrationOptionsBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.QuotaBuilder;
import org.ovirt.engine.sdk4.builders.SsoBuilder;
import org.ovirt.engine.sdk4.builders.TimeZoneBuilder;
import org.ovirt.engine.sdk4.builders.UsbBuilder;
import org.ovirt.engine.sdk4.types.Bios;
import org.ovirt.engine.sdk4.types.BiosType;
import org.ovirt.engine.sdk4.types.BootDevice;
import org.ovirt.engine.sdk4.types.CpuProfile;
import org.ovirt.engine.sdk4.types.Display;
import org.ovirt.engine.sdk4.types.DisplayType;
import org.ovirt.engine.sdk4.types.HighAvailability;
import org.ovirt.engine.sdk4.types.InheritableBoolean;
import org.ovirt.engine.sdk4.types.Io;
import org.ovirt.engine.sdk4.types.MigrationOptions;
import org.ovirt.engine.sdk4.types.OperatingSystem;
import org.ovirt.engine.sdk4.types.Quota;
import org.ovirt.engine.sdk4.types.Sso;
import org.ovirt.engine.sdk4.types.SsoMethod;
import org.ovirt.engine.sdk4.types.TimeZone;
import org.ovirt.engine.sdk4.types.Usb;

/**
 * The values of the settings VMs and templates share (the model's VmBase) that the simulator does
 * not let clients change: the engine's defaults for a 4.4 cluster. The immutable parts are built
 * once and shared by every representation, which keeps listing thousands of VMs cheap.
 */
final class VmBaseValues {

    static final Bios BIOS_SEABIOS = bios(BiosType.Q35_SEA_BIOS);
    static final Bios BIOS_UEFI = bios(BiosType.Q35_OVMF);
    static final Io IO = new IoBuilder().threads(1).build();
    static final MigrationOptions MIGRATION = new MigrationOptionsBuilder().autoConverge(InheritableBoolean.INHERIT)
            .compressed(InheritableBoolean.INHERIT).encrypted(InheritableBoolean.INHERIT).build();
    static final Sso SSO = new SsoBuilder().methods(new MethodBuilder().id(SsoMethod.GUEST_AGENT)).build();
    static final Usb USB = new UsbBuilder().enabled(false).build();
    static final TimeZone TIME_ZONE_LINUX = new TimeZoneBuilder().name("Etc/GMT").build();
    static final TimeZone TIME_ZONE_WINDOWS = new TimeZoneBuilder().name("GMT Standard Time").build();
    private static final HighAvailability HA_OFF = new HighAvailabilityBuilder().enabled(false).priority(0).build();
    private static final Display SPICE_1 = display("spice", 1);

    private VmBaseValues() {
    }

    private static Bios bios(BiosType type) {
        return new BiosBuilder().type(type).bootMenu(new BootMenuBuilder().enabled(false)).build();
    }

    /** Windows 11 needs UEFI (Secure Boot and TPM); everything else keeps the cluster's SeaBIOS default. */
    static Bios bios(String osType) {
        return osType != null && osType.startsWith("windows_11") ? BIOS_UEFI : BIOS_SEABIOS;
    }

    static TimeZone timeZone(String osType) {
        return osType != null && osType.startsWith("windows") ? TIME_ZONE_WINDOWS : TIME_ZONE_LINUX;
    }

    static OperatingSystem os(String osType) {
        return new OperatingSystemBuilder().type(osType).boot(new BootBuilder().devices(BootDevice.HD)).build();
    }

    static Display display(String type, int monitors) {
        if ("spice".equals(type) && monitors == 1 && SPICE_1 != null) {
            return SPICE_1;
        }
        return new DisplayBuilder().type(DisplayType.fromValue(type)).monitors(monitors).allowOverride(false)
                .copyPasteEnabled(true).disconnectAction("LOCK_SCREEN").fileTransferEnabled(true)
                .singleQxlPci(false).smartcardEnabled(false).build();
    }

    static HighAvailability highAvailability(boolean enabled, int priority) {
        return !enabled && priority == 0 ? HA_OFF
                : new HighAvailabilityBuilder().enabled(enabled).priority(priority).build();
    }

    static Display display(VmEntity vm) {
        return display(vm.displayType, vm.monitors);
    }

    /** The cluster's default CPU profile, which every VM of the cluster uses. */
    static CpuProfile cpuProfile(String clusterId) {
        String id = derivedId("cpu-profile", clusterId);
        return new CpuProfileBuilder().id(id).href(Hrefs.of("cpuprofiles", id)).build();
    }

    /** The data center's default quota, which exists even when quotas are not enforced. */
    static Quota quota(String dataCenterId) {
        String id = derivedId("quota", dataCenterId);
        return new QuotaBuilder().id(id).href(Hrefs.of("datacenters", dataCenterId, "quotas", id)).build();
    }

    static String derivedId(String kind, String ownerId) {
        return UUID.nameUUIDFromBytes((kind + "/" + ownerId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
