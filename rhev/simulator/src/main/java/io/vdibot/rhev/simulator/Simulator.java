package io.vdibot.rhev.simulator;

import io.vdibot.rhev.simulator.clock.SimClock;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.EngineTiming;
import io.vdibot.rhev.simulator.engine.SharedStorage;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.http.Authenticator;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.seed.EstateDescription;
import io.vdibot.rhev.simulator.seed.EstateSeeder;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several simulated engines in one process, one per site ({@code dc1}, {@code dc2}, …), sharing one
 * NFS export domain and one engine CA. Embeddable: tests and the bot's demo mode start it with
 * {@link #builder()}; {@link SimulatorMain} is the command line around it.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(2);

    private final Map<String, SimulatedSite> sites = new LinkedHashMap<>();
    private final SharedStorage sharedStorage;
    private final CertificateAuthority ca;
    private final StateStore store;
    private final Map<String, Long> savedModifications = new HashMap<>();
    private final ScheduledExecutorService saver;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Simulator(Builder b) {
        this.store = b.stateDir == null ? null : new StateStore(b.stateDir);
        this.ca = CertificateAuthority.loadOrCreate(store == null ? null : store.caStore());
        this.sharedStorage = new SharedStorage();
        EstateDescription description = EstateSeeder.load(b.dataFile);
        EstateSeeder seeder = new EstateSeeder(description, b.clock.now());
        boolean restored = false;
        if (store != null) {
            restored = store.loadShared().map(saved -> {
                sharedStorage.restore(saved);
                return true;
            }).orElse(false);
        }
        Authenticator authenticator = new Authenticator(b.user, b.password);
        AdminEndpoint admin = new AdminEndpoint(this);
        List<SimulatedSite> started = new ArrayList<>();
        try {
            for (int i = 0; i < b.siteCount; i++) {
                String name = "dc" + (i + 1);
                int index = i;
                Estate estate = store == null ? null : store.loadSite(name).orElse(null);
                if (estate == null) {
                    estate = seeder.seed(index, name, sharedStorage);
                    if (b.scale > 0) {
                        seeder.scale(estate, b.scale);
                    }
                } else {
                    restored = true;
                }
                FaultPlan faults = new FaultPlan();
                faults.apply(b.faults.get(name));
                Engine engine = new Engine(estate, sharedStorage, b.clock, b.timing, faults);
                int port = b.basePort == 0 ? 0 : b.basePort + i;
                SimulatedSite site = new SimulatedSite(name, engine, port, ca, authenticator, admin);
                started.add(site);
                sites.put(name, site);
            }
        } catch (RuntimeException e) {
            started.forEach(SimulatedSite::close);
            throw e;
        }
        if (restored) {
            LOG.info("simulator state restored from {}", b.stateDir);
        }
        if (store != null) {
            saver = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "simulator-state");
                thread.setDaemon(true);
                return thread;
            });
            saver.scheduleWithFixedDelay(this::saveChanged, SAVE_INTERVAL.toMillis(), SAVE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            saver = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<SimulatedSite> sites() {
        return List.copyOf(sites.values());
    }

    public SimulatedSite site(String name) {
        SimulatedSite site = sites.get(name);
        if (site == null) {
            throw new NoSuchElementException("no simulated site " + name);
        }
        return site;
    }

    public SharedStorage sharedStorage() {
        return sharedStorage;
    }

    /** The engine CA in PEM, the same file a client downloads from any site's pki-resource URL. */
    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** Writes every site whose state changed since it was last written. */
    public synchronized void saveChanged() {
        if (store == null) {
            return;
        }
        try {
            for (SimulatedSite site : sites.values()) {
                Engine engine = site.engine();
                long modifications = engine.modifications();
                if (savedModifications.getOrDefault(site.name(), -1L) != modifications) {
                    byte[] json = engine.read(() -> StateStore.toJson(engine.estate()));
                    store.saveSite(site.name(), json);
                    savedModifications.put(site.name(), modifications);
                }
            }
            store.saveShared(sharedStorage);
        } catch (RuntimeException e) {
            LOG.warn("could not save simulator state", e);
        }
    }

    /** Stops every site and writes the state one last time; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (saver != null) {
            saver.shutdownNow();
        }
        sites.values().forEach(SimulatedSite::close);
        saveChanged();
    }

    /** Options of an embedded simulator; defaults match the command line's. */
    public static final class Builder {
        private int siteCount = 2;
        private int basePort = 0;
        private String user = "admin@internal";
        private String password = "vdibot";
        private SimClock clock = SimClock.system();
        private EngineTiming timing = EngineTiming.scaled(1.0);
        private Path dataFile;
        private Path stateDir;
        private int scale;
        private final Map<String, FaultPlan.Settings> faults = new HashMap<>();

        public Builder sites(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one site is needed");
            }
            this.siteCount = count;
            return this;
        }

        /** First site's port; the others follow. 0 picks free ports. */
        public Builder basePort(int port) {
            this.basePort = port;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder timing(EngineTiming timing) {
            this.timing = timing;
            return this;
        }

        public Builder timeScale(double scale) {
            this.timing = new EngineTiming(scale, timing.ipReportDelay());
            return this;
        }

        public Builder dataFile(Path file) {
            this.dataFile = file;
            return this;
        }

        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        public Builder scale(int vms) {
            if (vms < 0) {
                throw new IllegalArgumentException("scale must not be negative");
            }
            this.scale = vms;
            return this;
        }

        public Builder faults(String site, FaultPlan.Settings settings) {
            this.faults.put(site, settings);
            return this;
        }

        public Simulator start() {
            return new Simulator(this);
        }
    }
}
