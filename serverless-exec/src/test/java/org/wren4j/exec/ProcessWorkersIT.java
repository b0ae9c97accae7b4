package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.provision.ProcessLauncher;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/**
 * Worker processes on real Redis, ElasticMQ and s3proxy: killing 80% of them with SIGKILL
 * mid-run, or freezing one (SIGSTOP) so its leases expire, still gives the very bits of the
 * fault-free run, and only the tasks the victims held run again.
 */
class ProcessWorkersIT {
    private static final CholeskyCase CASE = new CholeskyCase(1536, 128, 11);
    private static final int WIDTH = 2;
    // SQS leases are whole seconds: 3 s, renewed every second; processes wait 5 s idle (a JVM takes ~2 s to start)
    private static final WorkerConfig WORKER = new WorkerConfig(WIDTH, Duration.ofSeconds(3), Duration.ofSeconds(5), 5, Duration.ofMillis(20));
    private static ServicesFixture services;
    private static double[] reference;

    @BeforeAll
    static void start() {
        services = ServicesFixture.start(false);
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        try (var engine = ExecEngine.embedded(store, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        reference = CASE.readFactor(store, "L");
        assertThat(DenseLinalg.choleskyResidual(CASE.matrix(), reference, CASE.n())).isLessThan(1e-14);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    private static ProcessLauncher launcher(ServiceEndpoints e, Path logs) {
        var args = new java.util.ArrayList<>(e.toArgs());
        WorkerOptions.toMap(WORKER, 0).forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        return new ProcessLauncher(args, List.of("-Xmx384m"), Map.of(), logs);
    }

    /** Runs the job on worker processes; {@code atProgress} is called once when 30% of the tasks are done. */
    private static JobResult run(String jobId, java.util.function.Consumer<ProcessLauncher> atProgress, Path logs, boolean checkTemporaries) {
        ServiceEndpoints e = services.endpoints();
        Services s = Services.open(e);
        CASE.writeInput(s.store(), "A");
        var launcherRef = new AtomicReference<ProcessLauncher>();
        var config = EngineConfig.defaults().withMaxWorkers(5).withWorker(WORKER);
        try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config, h -> {
            launcherRef.set(launcher(e, logs));
            return launcherRef.get();
        })) {
            var fired = new AtomicInteger();
            engine.submit(CASE.spec(jobId, "A", "L"));
            JobResult r = engine.await(jobId, Optional.of(Duration.ofMinutes(4)), (op, done, total, sec) -> {
                if (done >= 0.3 * total && fired.getAndIncrement() == 0) {
                    atProgress.accept(launcherRef.get());
                }
            });
            assertThat(fired.get()).as("the fault was injected mid-run").isPositive();
            assertThat(r.tasks()).isEqualTo(CASE.tasks());
            CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
            if (checkTemporaries) {
                assertThat(s.store().listMatrixKeys(CholeskyCase.temporary(jobId)).toCompletableFuture().join()).isEmpty();
            }
            return r;
        } finally {
            s.store().close();
        }
    }

    @Test
    void workerProcessesGiveTheBitsOfThreads() throws IOException {
        JobResult r = run("plain", l -> { }, Files.createTempDirectory("wren4j-plain"), true);
        System.out.printf("processes: %d tasks, %d executions, %.1f s, peak %d workers%n", r.tasks(), r.executions(), r.seconds(),
                r.metrics().peakWorkers());
        // at-least-once: on a starved machine a lease can expire before its heartbeat lands and a
        // task run twice (harmless: the factor is bitwise checked above); without faults that is rare
        assertThat(r.executions()).as("executions of %d tasks without faults", r.tasks()).isBetween(r.tasks(), r.tasks() + r.tasks() / 50);
    }

    @Test
    void killingEightyPercentOfWorkerProcessesMidRunRerunsOnlyTheirTasks() throws IOException {
        var killed = new AtomicInteger();
        var aliveAtKill = new AtomicInteger();
        JobResult r = run("kill80", l -> {
            aliveAtKill.set(l.running());
            killed.set(l.kill(0.8));
        }, Files.createTempDirectory("wren4j-kill"), true);
        long repeated = r.metrics().repeatedExecutions();
        System.out.printf("kill 80%%: %d of %d worker processes killed at 30%%; %d tasks, %d executions, %d repeated, %.1f s%n",
                killed.get(), aliveAtKill.get(), r.tasks(), r.executions(), repeated, r.seconds());
        assertThat(killed.get()).isPositive();
        assertThat(r.tasks()).isEqualTo(CASE.tasks());
        // survivors ran each task once (the victims' executions never completed, so never counted);
        // redelivered are at most the leases the killed workers held (a worker holds up to 3 x WIDTH:
        // its pipeline, writes in flight, and one prefetched lease), plus the few redeliveries an
        // at-least-once queue makes anyway on a starved machine (lease expiry, SQS band polling)
        assertThat(r.executions()).isBetween(r.tasks(), r.tasks() + r.tasks() / 50);
        assertThat(repeated).isLessThanOrEqualTo((long) killed.get() * 3 * WIDTH + r.tasks() / 50);
    }

    @Test
    void aFrozenWorkerLosesItsLeasesAndComesBackAsAHarmlessStraggler() throws Exception {
        var frozen = new AtomicReference<ProcessHandle>();
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        JobResult r = run("straggler", l -> {
            ProcessHandle p = l.processes().get(0);
            frozen.set(p);
            signal("STOP", p);
            // back after twice the lease: its tasks ran elsewhere; its late writes and completions must do no harm
            timer.schedule(() -> signal("CONT", p), 6, java.util.concurrent.TimeUnit.SECONDS);
        }, Files.createTempDirectory("wren4j-straggler"), false);
        timer.shutdown();
        timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf("straggler: pid %d frozen at 30%% for 6 s; %d tasks, %d executions, %d repeated, %.1f s%n",
                frozen.get().pid(), r.tasks(), r.executions(), r.metrics().repeatedExecutions(), r.seconds());
        // the frozen worker's leases (up to 3 x WIDTH) ran elsewhere, and it may finish them itself when
        // it wakes; beyond that only incidental redeliveries: no wholesale recomputation
        assertThat(r.metrics().repeatedExecutions()).isLessThanOrEqualTo(2L * 3 * WIDTH + r.tasks() / 20);
    }

    private static void signal(String sig, ProcessHandle p) {
        try {
            int rc = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start().waitFor();
            assertThat(rc).as("kill -" + sig).isZero();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
