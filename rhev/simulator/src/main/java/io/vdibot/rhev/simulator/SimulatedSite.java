package io.vdibot.rhev.simulator;

import com.sun.net.httpserver.HttpHandler;
import io.vdibot.rhev.simulator.api.ExportImportResources;
import io.vdibot.rhev.simulator.api.InventoryResources;
import io.vdibot.rhev.simulator.api.PoolResources;
import io.vdibot.rhev.simulator.api.SnapshotResources;
import io.vdibot.rhev.simulator.api.TemplateResources;
import io.vdibot.rhev.simulator.api.StorageResources;
import io.vdibot.rhev.simulator.api.VmResources;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.ExportImportOperations;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.engine.PoolOperations;
import io.vdibot.rhev.simulator.engine.SnapshotOperations;
import io.vdibot.rhev.simulator.engine.StorageOperations;
import io.vdibot.rhev.simulator.engine.TemplateOperations;
import io.vdibot.rhev.simulator.engine.VmOperations;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.http.Authenticator;
import io.vdibot.rhev.simulator.http.EngineServer;
import io.vdibot.rhev.simulator.http.Router;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import java.util.Map;

/** One engine: its state machine, its API routes and its HTTPS listener. */
public final class SimulatedSite implements AutoCloseable {

    private final String name;
    private final Engine engine;
    private final EngineServer server;
    private final Router router;

    SimulatedSite(String name, Engine engine, int port, CertificateAuthority ca, Authenticator authenticator,
            HttpHandler admin) {
        this.name = name;
        this.engine = engine;
        this.router = new Router();
        PermissionOperations permissions = new PermissionOperations(engine);
        VmOperations vms = new VmOperations(engine);
        new InventoryResources(engine, permissions).register(router);
        SnapshotOperations snapshots = new SnapshotOperations(engine, vms);
        new VmResources(engine, vms, snapshots).register(router);
        new SnapshotResources(engine, snapshots).register(router);
        new StorageResources(engine, new StorageOperations(engine)).register(router);
        new ExportImportResources(engine, new ExportImportOperations(engine)).register(router);
        new TemplateResources(engine, new TemplateOperations(engine, vms)).register(router);
        new PoolResources(engine, new PoolOperations(engine, vms)).register(router);
        this.server = new EngineServer(port, ca.serverContext(), ca.certificatePem(), authenticator, engine.faults(),
                router, admin);
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.port();
    }

    /** The API URL a client configures, e.g. {@code https://127.0.0.1:18443/ovirt-engine/api}. */
    public String apiUrl() {
        return "https://127.0.0.1:" + port() + "/ovirt-engine/api";
    }

    public Engine engine() {
        return engine;
    }

    public FaultPlan faults() {
        return engine.faults();
    }

    /**
     * API requests this site has answered through its routes so far, by method and route pattern (for example
     * {@code GET vms} or {@code POST vms/{id}/start}). Requests refused before routing (authentication, injected
     * faults) are not counted.
     */
    public Map<String, Long> requestCounts() {
        return router.requestCounts();
    }

    /** The sum of {@link #requestCounts()}. */
    public long requestCount() {
        return router.requestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
