package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wren4j.exec.sim.Prices;
import org.wren4j.exec.sim.ProfileWriter;
import org.wren4j.exec.sim.SimResult;

/**
 * A job simulated in virtual time ({@link Wren#simulate}): how long it took, the worker
 * core-seconds provisioned and busy, its bill in dollars next to an always-on cluster of its peak
 * size, and its parallelism profile over time (ready tasks, workers alive and busy).
 */
public final class SimulationReport {
    private final SimResult result;
    private final Prices.Cost cost;
    private final String policy;

    private SimulationReport(SimResult result, Prices.Cost cost, String policy) {
        this.result = result;
        this.cost = cost;
        this.policy = policy;
    }

    static SimulationReport of(SimResult result, SimulationOptions options) {
        return new SimulationReport(requireNonNull(result, "result is null"), options.priceList().cost(result), options.policyName());
    }

    /** Seconds from submission to the last task's completion. */
    public double seconds() {
        return result.seconds();
    }

    public long tasks() {
        return result.tasks();
    }

    /** Task runs, duplicates included. */
    public long executions() {
        return result.executions();
    }

    /** Worker-seconds provisioned (launch to exit, cold start and idle wait included). */
    public double coreSeconds() {
        return result.coreSeconds();
    }

    /** Worker-seconds spent running tasks. */
    public double busyCoreSeconds() {
        return result.busyCoreSeconds();
    }

    public int peakWorkers() {
        return result.peakWorkers();
    }

    /** Workers launched (function invocations). */
    public long launches() {
        return result.launches();
    }

    /** The serverless bill: function GB-seconds and invocations, object-store and queue requests, the state store's hours. */
    public double dollars() {
        return cost.total();
    }

    /** An always-on cluster of {@link #peakWorkers()} cores for {@link #seconds()}. */
    public double clusterDollars() {
        return cost.cluster();
    }

    /** The provisioning policy simulated, e.g. {@code numpywren sf=0.5} or {@code static}. */
    public String policy() {
        return policy;
    }

    /** Writes the profile as CSV: {@code seconds,ready_tasks,running_workers,busy_workers}. */
    public void writeProfileCsv(Path file) {
        write(file, w -> ProfileWriter.csv(result.profile(), w));
    }

    /** Writes the profile as an SVG line chart titled {@code title}. */
    public void writeProfileSvg(Path file, String title) {
        write(file, w -> ProfileWriter.svg(result.profile(), title, w));
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (Writer w = Files.newBufferedWriter(file)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d tasks in %.1f s on at most %d workers (%s): %.0f core-s (%.0f busy), $%.2f (always-on cluster: $%.2f)",
                tasks(), seconds(), peakWorkers(), policy, coreSeconds(), busyCoreSeconds(), dollars(), clusterDollars());
    }
}
