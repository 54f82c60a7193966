package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.view.DashboardChart.Pie;
import io.vdibot.rhev.view.DashboardChart.Picture;
import io.vdibot.rhev.view.DashboardChart.Slice;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's picture of one site shows, in the reader's words: hosts by status, VMs by status, users with
 * and without a desktop. The colours say what is normal: green for running, greys and blues for states a healthy
 * estate has every day (a pool's VMs down, a host in maintenance, a disk being copied), orange and red only for the
 * groups that {@linkplain StatusGroup#needsAttention() need attention}.
 */
final class DashboardPies {

    static final Map<StatusGroup, Color> COLOURS = colours();
    static final Color WITH_DESKTOP = new Color(0x1E, 0x88, 0xE5);
    static final Color WITHOUT_DESKTOP = new Color(0xBD, 0xBD, 0xBD);

    private DashboardPies() {
    }

    static Picture of(SiteFigures f, String when, Messages m) {
        String none = m.format("dashboard.pie.none");
        Pie users = new Pie(m.format("dashboard.users"), List.of(
                slice(m, "dashboard.pie.users.with-desktop", f.usersWithDesktop(), WITH_DESKTOP),
                slice(m, "dashboard.pie.users.without-desktop", f.usersWithout(), WITHOUT_DESKTOP)), none);
        return new Picture(m.format("dashboard.chart.title", f.site(), when), List.of(
                byStatus(m.format("dashboard.hosts"), f.hosts(), none, m),
                byStatus(m.format("dashboard.vms"), f.vms(), none, m), users));
    }

    /** The legend as one line of text, e.g. "Up (7), Maintenance (1)"; the word for none when there is nothing. */
    static String shares(Pie pie, Messages m) {
        List<String> shares = pie.drawn().stream().map(Slice::label).toList();
        return shares.isEmpty() ? pie.none() : String.join(m.format("dashboard.pie.separator"), shares);
    }

    private static Pie byStatus(String title, Map<StatusGroup, Integer> counts, String none, Messages m) {
        List<Slice> slices = new ArrayList<>();
        counts.forEach((group, count) -> slices.add(slice(m, group.messageKey(), count, COLOURS.get(group))));
        return new Pie(title, slices, none);
    }

    /** A slice whose legend entry carries its number, so a sliver too thin for its label still tells it. */
    private static Slice slice(Messages m, String key, int count, Color colour) {
        return new Slice(m.format(key, count), count, colour);
    }

    private static Map<StatusGroup, Color> colours() {
        Map<StatusGroup, Color> colours = new EnumMap<>(StatusGroup.class);
        colours.put(StatusGroup.UP, new Color(0x2E, 0x7D, 0x32));
        colours.put(StatusGroup.STARTING, new Color(0x81, 0xC7, 0x84));
        colours.put(StatusGroup.DOWN, new Color(0x9E, 0x9E, 0x9E));
        colours.put(StatusGroup.LOCKED, new Color(0x5C, 0x6B, 0xC0));
        colours.put(StatusGroup.MAINTENANCE, new Color(0x42, 0xA5, 0xF5));
        colours.put(StatusGroup.OTHER, new Color(0x90, 0xA4, 0xAE));
        colours.put(StatusGroup.NOT_RESPONDING, new Color(0xF5, 0x7C, 0x00));
        colours.put(StatusGroup.FAILED, new Color(0xC6, 0x28, 0x28));
        return Map.copyOf(colours);
    }
}
