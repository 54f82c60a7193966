package io.vdibot.rhev.simulator.engine;

/**
 * Where a site's MACs (the engine's default 56:6f pool range) and guest addresses come from; each
 * site gets its own slice so that addresses never repeat across sites.
 */
public final class AddressPlan {

    private AddressPlan() {
    }

    public static String mac(String site, long n) {
        return String.format("56:6f:%02x:%02x:%02x:%02x", siteOctet(site), (n >> 16) & 0xff, (n >> 8) & 0xff,
                n & 0xff);
    }

    public static String guestIp(String site, long n) {
        return "10." + (100 + siteOctet(site)) + "." + (16 + (n / 250) % 200) + "." + (1 + n % 250);
    }

    private static int siteOctet(String site) {
        return Math.floorMod(site.hashCode(), 100);
    }
}
