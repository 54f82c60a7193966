package io.vdibot.rhev.view;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which sites a view reads. {@code site=S} names one; {@code site=all} means every site (unless a site is really
 * called {@code all}, which then wins); without {@code site=} each command has its own default: the default site
 * for lists and for VMs and pools, every site for templates, the dashboard and refresh.
 *
 * @param sites the sites to read, in configuration order
 * @param every whether the user asked for (or defaulted to) every site, so replies name the site of each row
 */
record SiteChoice(List<String> sites, boolean every) {

    static final String ALL = "all";

    enum WhenAbsent {
        DEFAULT_SITE,
        EVERY_SITE
    }

    /** The sites {@code requested} stands for, or empty when no site has that name. */
    static Optional<SiteChoice> of(String requested, List<String> configured, WhenAbsent whenAbsent) {
        if (requested == null) {
            return Optional.of(whenAbsent == WhenAbsent.EVERY_SITE ? new SiteChoice(configured, true)
                    : new SiteChoice(List.of(configured.get(0)), false));
        }
        if (configured.contains(requested)) {
            return Optional.of(new SiteChoice(List.of(requested), false));
        }
        if (requested.toLowerCase(Locale.ROOT).equals(ALL)) {
            return Optional.of(new SiteChoice(configured, true));
        }
        return Optional.empty();
    }

    SiteChoice {
        sites = List.copyOf(sites);
    }
}
