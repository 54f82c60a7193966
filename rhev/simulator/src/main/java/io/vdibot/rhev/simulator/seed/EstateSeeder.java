package io.vdibot.rhev.simulator.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.rhev.simulator.engine.SharedStorage;
import io.vdibot.rhev.simulator.model.Estate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds each site's estate from a data file: directory objects and roles shared by all engines
 * ({@link DirectorySeeder}), and per site a data center with networks, storage, clusters and hosts
 * ({@link InfrastructureSeeder}) carrying templates, VMs and pools ({@link DesktopSeeder}).
 * Ids are derived from names so that the same file always gives the same ids.
 */
public final class EstateSeeder {

    public static final String DEFAULT_RESOURCE = "/io/vdibot/rhev/simulator/seed/default-estate.json";
    static final long GIB = 1L << 30;

    private final EstateDescription description;
    private final Instant now;

    public EstateSeeder(EstateDescription description, Instant now) {
        if (description.sites() == null || description.sites().isEmpty()) {
            throw new IllegalArgumentException("the estate description names no site");
        }
        this.description = description;
        this.now = now;
    }

    public static EstateDescription load(Path file) {
        try (InputStream in = file == null ? EstateSeeder.class.getResourceAsStream(DEFAULT_RESOURCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("default estate resource missing");
            }
            return new ObjectMapper()
                    .readValue(in, EstateDescription.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read estate description " + (file == null ? "" : file), e);
        }
    }

    /**
     * The estate of the {@code index}-th site. Sites beyond those described reuse a description with
     * the site name worked into every name, so that any number of sites can start.
     */
    public Estate seed(int index, String siteName, SharedStorage sharedStorage) {
        List<EstateDescription.Site> sites = description.sites();
        EstateDescription.Site site = sites.get(index % sites.size());
        String prefix = index < sites.size() ? "" : siteName + "-";
        Estate estate = new Estate();
        estate.siteName = siteName;
        new DirectorySeeder(description, estate, siteName).seed();
        InfrastructureSeeder infrastructure = new InfrastructureSeeder(estate, siteName, prefix);
        infrastructure.seed(site, index < sites.size() ? site.dataCenter() : siteName.toUpperCase(Locale.ROOT) + "-DC");
        new DesktopSeeder(estate, siteName, prefix, now).seed(site);
        if (site.exportDomainAttached() && index < sites.size() && description.exportDomain() != null) {
            infrastructure.exportDomain(description.exportDomain(), sharedStorage);
        }
        return estate;
    }

    /** Adds {@code vmCount} VMs, about a third of them in pools of 50, spread over clusters and templates. */
    public void scale(Estate estate, int vmCount) {
        new DesktopSeeder(estate, estate.siteName, "", now).scale(vmCount);
    }

    static String id(String site, String kind, String name) {
        return UUID.nameUUIDFromBytes((site + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
