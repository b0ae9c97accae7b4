package org.wren4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wren4j.api.FaultInjection;
import org.wren4j.api.JobProgress;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.api.WorkerProcesses;
import org.wren4j.api.Wren;

/**
 * Where {@code run} computes: {@code --backend embedded} (everything in this JVM) or
 * {@code --backend services} (Redis, SQS and S3 at the given endpoints, workers as threads here
 * or as OS processes), with the fault flags that exercise the runtime's recovery.
 */
final class Backend {
    static final Set<String> OPTIONS = Set.of("backend", "redis", "sqs", "s3", "bucket", "queue", "prefix", "launcher",
            "kill-workers", "duplicate-deliveries", "store-faults");
    /** The flags that name the services (as 'services up' prints them). */
    static final String SERVICES_USAGE = "--backend services --redis URI --sqs URL [--s3 URL] --bucket NAME [--launcher threads|processes]";
    static final String USAGE = "[--backend embedded|services [--redis URI --sqs URL --s3 URL --bucket NAME] [--launcher threads|processes]]"
            + " [--kill-workers F@P] [--duplicate-deliveries P] [--store-faults P] [--dry-run]";

    private final String name;
    private final ServiceEndpoints endpoints;
    private final boolean processes;
    private final double killFraction;
    private final double killAt;
    private final double duplicates;
    private final double storeFaults;
    private final AtomicReference<WorkerProcesses> launcher = new AtomicReference<>();
    private final AtomicInteger killed = new AtomicInteger();

    private Backend(String name, ServiceEndpoints endpoints, boolean processes, double killFraction, double killAt,
                    double duplicates, double storeFaults) {
        this.name = name;
        this.endpoints = endpoints;
        this.processes = processes;
        this.killFraction = killFraction;
        this.killAt = killAt;
        this.duplicates = duplicates;
        this.storeFaults = storeFaults;
    }

    /** Everything in this JVM, without faults. */
    static Backend embedded() {
        return new Backend("embedded", null, false, 0, 0, 0, 0);
    }

    /** @throws UsageException naming what is missing or wrong */
    static Backend from(Args args) {
        return from(args, "embedded");
    }

    /** As {@link #from(Args)}, with {@code defaultName} when {@code --backend} is not given. */
    static Backend from(Args args, String defaultName) {
        String name = args.string("backend", defaultName);
        if (!name.equals("embedded") && !name.equals("services")) {
            throw new UsageException("unknown backend '" + name + "' (available: embedded, services)");
        }
        String launcherName = args.string("launcher", "threads");
        if (!launcherName.equals("threads") && !launcherName.equals("processes")) {
            throw new UsageException("unknown launcher '" + launcherName + "' (available: threads, processes)");
        }
        ServiceEndpoints endpoints = null;
        if (name.equals("services")) {
            var missing = new ArrayList<String>();
            for (String o : List.of("redis", "sqs", "bucket")) {
                if (!args.has(o)) {
                    missing.add("--" + o);
                }
            }
            if (!missing.isEmpty()) {
                throw new UsageException("--backend services needs " + String.join(" ", missing)
                        + " (start local servers with 'wren4j services up', which prints them)");
            }
            var m = new HashMap<String, String>();
            for (String o : ServiceEndpoints.OPTIONS) {
                if (args.has(o)) {
                    m.put(o, args.string(o, null));
                }
            }
            endpoints = ServiceEndpoints.fromOptions(m);
        } else {
            for (String o : List.of("redis", "sqs", "s3", "bucket", "queue", "prefix", "launcher")) {
                if (args.has(o)) {
                    throw new UsageException("--" + o + " applies to --backend services");
                }
            }
        }
        double fraction = 0;
        double at = 0;
        if (args.has("kill-workers")) {
            if (!launcherName.equals("processes")) {
                throw new UsageException("--kill-workers kills worker processes: it needs --backend services --launcher processes");
            }
            String spec = args.string("kill-workers", "");
            int sign = spec.indexOf('@');
            try {
                fraction = Double.parseDouble(spec.substring(0, sign));
                at = Double.parseDouble(spec.substring(sign + 1));
            } catch (RuntimeException e) {
                throw new UsageException("--kill-workers takes F@P (kill fraction F of the workers when a fraction P of the tasks is done), got '" + spec + "'");
            }
            checkFraction("kill-workers fraction", fraction);
            checkFraction("kill-workers progress", at);
        }
        double duplicates = fraction(args, "duplicate-deliveries");
        double storeFaults = fraction(args, "store-faults");
        return new Backend(name, endpoints, launcherName.equals("processes"), fraction, at, duplicates, storeFaults);
    }

    private static double fraction(Args args, String option) {
        if (!args.has(option)) {
            return 0;
        }
        double v;
        try {
            v = Double.parseDouble(args.string(option, "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " takes a probability in [0, 1), got '" + args.string(option, "") + "'");
        }
        checkFraction(option, v);
        return v;
    }

    private static void checkFraction(String what, double v) {
        if (!(v >= 0 && v < 1) && !(what.startsWith("kill") && v == 1)) {
            throw new UsageException(what + " must be within [0, 1), got " + v);
        }
    }

    String name() {
        return name;
    }

    /** Worker processes killed by {@code --kill-workers}, or -1 without that flag. */
    int workersKilled() {
        return killFraction == 0 ? -1 : killed.get();
    }

    /**
     * Points {@code builder} at this backend: its faults and, with services, the endpoints (where
     * the matrices a command generates, inputs and results, are scratch: deleted when the session
     * closes) and the worker processes of {@code --launcher processes}.
     */
    Wren.Builder configure(Wren.Builder builder) {
        builder.faults(new FaultInjection(duplicates, storeFaults));
        if (endpoints != null) {
            builder.services(endpoints).deleteScratchOnClose(true);
            if (processes) {
                builder.workerLauncher(processes());
            }
        }
        return builder;
    }

    private WorkerProcesses processes() {
        Path logs = WorkerLogs.create();
        String heap = System.getenv().getOrDefault("WREN4J_WORKER_HEAP", "-Xmx1g");
        var p = new WorkerProcesses(List.of(heap), logs);
        launcher.set(p);
        return p;
    }

    /** {@code progress}, plus the worker kill of {@code --kill-workers} once its point is reached. */
    JobProgress withFaults(JobProgress progress) {
        if (killFraction == 0) {
            return progress;
        }
        var fired = new AtomicBoolean();
        return (op, done, total, seconds) -> {
            if (total > 0 && done >= killAt * total && launcher.get() != null && fired.compareAndSet(false, true)) {
                killed.addAndGet(launcher.get().kill(killFraction));
            }
            progress.progress(op, done, total, seconds);
        };
    }
}
