package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.EngineFault;
import io.vdibot.rhev.simulator.http.ApiResponse;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ovirt.engine.sdk4.builders.ActionBuilder;
import org.ovirt.engine.sdk4.builders.FaultBuilder;
import org.ovirt.engine.sdk4.builders.JobBuilder;
import org.ovirt.engine.sdk4.internal.xml.XmlActionWriter;

/**
 * Responses of entity actions ({@code POST .../start}, {@code .../export}): 200 {@code complete}
 * when the command finished, 202 {@code pending} while its job still runs, and validation failures
 * as {@code <action>} carrying the {@code <fault>}, which is what the SDK's action check reads.
 */
public final class Actions {

    /** What an action did: the job it started (may be null) and whether work continues after it. */
    public record Outcome(String jobId, boolean stillRunning, Consumer<ActionBuilder> extra) {
        public static Outcome done(String jobId) {
            return new Outcome(jobId, false, b -> { });
        }

        public static Outcome running(String jobId) {
            return new Outcome(jobId, true, b -> { });
        }
    }

    private Actions() {
    }

    public static ApiResponse run(Supplier<Outcome> action) {
        try {
            Outcome outcome = action.get();
            ActionBuilder body = new ActionBuilder().status(outcome.stillRunning() ? "pending" : "complete");
            if (outcome.stillRunning()) {
                body.async(true);
            }
            if (outcome.jobId() != null) {
                body.job(new JobBuilder().id(outcome.jobId()).href(Hrefs.of("jobs", outcome.jobId())));
            }
            outcome.extra().accept(body);
            return ApiResponse.of(outcome.stillRunning() ? 202 : 200,
                    Xml.write(w -> XmlActionWriter.writeOne(body.build(), w)));
        } catch (EngineFault fault) {
            if (fault.status() == 404 && fault.detail() == null) {
                throw fault;
            }
            FaultBuilder faultBody = new FaultBuilder().reason(fault.reason());
            if (fault.detail() != null) {
                faultBody.detail(fault.detail());
            }
            ActionBuilder body = new ActionBuilder().fault(faultBody).status("failed");
            return ApiResponse.of(fault.status(), Xml.write(w -> XmlActionWriter.writeOne(body.build(), w)));
        }
    }
}
