package org.wren4j.exec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.CriticalPath;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.provision.ScalingPolicy;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;

/**
 * Schedules small enough to work out by hand, with every task one second: the simulator must
 * find exactly that makespan, those tasks and those core-seconds.
 */
class SimulatorTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A job of {@code p} with every matrix bound as a shapeless temporary (enough for fixed task times). */
    static JobSpec spec(Program p, Map<String, Long> args) {
        Map<String, MatrixBinding> b = new HashMap<>();
        for (MatrixDecl m : p.matrices()) {
            b.put(m.name(), MatrixBinding.temporary("t/" + m.name()));
        }
        return new JobSpec("job", p.name(), p, args, b);
    }

    /** Unit tasks, one in flight per worker, no cold start, numpywren's rule at sf 1 up to {@code max} workers, 1 s period. */
    static SimOptions unit(int max, Duration idle) {
        WorkerConfig w = new WorkerConfig(1, Duration.ofSeconds(30), idle, 5, Duration.ofMillis(100));
        return new SimOptions(w, new ScalingPolicy(1, 1, max, SECOND), Duration.ZERO, TaskModel.fixed(SECOND), SECOND);
    }

    private static final JobSpec CHAIN = spec(Programs.gemmChain(), Map.of("M", 1L, "N", 1L, "K", 3L));
    /** Four gemm_sum leaves (fan-in 4 over K = 16) joined by one sum_n. */
    private static final JobSpec FORK_JOIN = spec(Programs.gemm(4), Map.of("M", 1L, "N", 1L, "K", 16L));
    /** chol(0) -> trsm(1,0) -> syrk(1,1) -> chol(1): a chain of four. */
    private static final JobSpec CHOLESKY_2X2 = spec(Programs.cholesky(), Map.of("N", 2L));

    @Test
    void chainRunsOneTaskAtATimeWhateverTheWorkers() {
        for (int max : new int[] {1, 4}) {
            SimResult r = Simulator.run(CHAIN, unit(max, Duration.ofSeconds(2)));
            assertThat(r.tasks()).isEqualTo(3);
            assertThat(r.executions()).isEqualTo(3);
            assertThat(r.seconds()).isEqualTo(3.0);
            assertThat(r.peakWorkers()).isEqualTo(1);
            assertThat(r.launches()).isEqualTo(1);
            assertThat(r.busyCoreSeconds()).isEqualTo(3.0);
            // alive from 0 to 3, then idle 2 s before exiting
            assertThat(r.coreSeconds()).isEqualTo(5.0);
        }
    }

    @Test
    void forkJoinWithEnoughWorkersTakesTwoSteps() {
        SimResult r = Simulator.run(FORK_JOIN, unit(4, Duration.ZERO));
        assertThat(r.tasks()).isEqualTo(5);
        assertThat(r.seconds()).isEqualTo(2.0);
        assertThat(r.peakWorkers()).isEqualTo(4);
        assertThat(r.busyCoreSeconds()).isEqualTo(5.0);
        // one worker runs a leaf and the join (2 s), three run a leaf and exit at once (1 s each)
        assertThat(r.coreSeconds()).isEqualTo(5.0);
    }

    @Test
    void forkJoinWithTwoWorkersRunsTheLeavesInTwoRounds() {
        SimResult r = Simulator.run(FORK_JOIN, unit(2, Duration.ZERO));
        assertThat(r.seconds()).isEqualTo(3.0);
        assertThat(r.peakWorkers()).isEqualTo(2);
        // 0-3 and 0-2
        assertThat(r.coreSeconds()).isEqualTo(5.0);
        assertThat(Simulator.run(FORK_JOIN, unit(1, Duration.ZERO)).seconds()).isEqualTo(5.0);
    }

    @Test
    void twoByTwoCholeskyIsAChainOfFour() {
        SimResult r = Simulator.run(CHOLESKY_2X2, unit(8, Duration.ZERO));
        assertThat(r.tasks()).isEqualTo(4);
        assertThat(r.executions()).isEqualTo(4);
        assertThat(r.seconds()).isEqualTo(4.0);
        assertThat(r.coreSeconds()).isEqualTo(4.0);
        assertThat(r.peakWorkers()).isEqualTo(1);
    }

    @Test
    void coldStartDelaysEveryLaunch() {
        SimResult r = Simulator.run(CHAIN, unit(1, Duration.ZERO).withColdStart(Duration.ofMillis(500)));
        assertThat(r.seconds()).isEqualTo(3.5);
        assertThat(r.coreSeconds()).isEqualTo(3.5);
    }

    @Test
    void aWorkerAtItsRuntimeLimitStopsLeasingAndTheProvisionerReplacesIt() {
        // leasing stops 1.5 s after the start: the worker runs tasks 1 and 2 (0-2) and exits; the
        // provisioner's next step (3 s) sees task 3 pending and launches a second worker
        SimOptions o = unit(1, Duration.ZERO);
        SimResult r = Simulator.run(CHAIN, o.withWorker(o.worker().withMaxRuntime(Duration.ofMillis(1500))));
        assertThat(r.seconds()).isEqualTo(4.0);
        assertThat(r.launches()).isEqualTo(2);
        assertThat(r.coreSeconds()).isEqualTo(3.0);
    }

    @Test
    void aLargerCholeskyRespectsItsBoundsAndRunsEveryTaskOnce() {
        // 16 x 16 tiles of 512: C(18, 3) = 816 tasks; compute only, so busy time is the total flops over the rate
        int tiles = 16;
        int block = 512;
        JobSpec spec = shaped(Programs.cholesky(), Map.of("N", (long) tiles), tiles * (long) block, block);
        double gflops = 10;
        int workers = 50;
        SimOptions o = unit(workers, Duration.ofSeconds(10)).withModel(Calibration.computeOnly(gflops));
        SimResult r = Simulator.run(spec, o);
        CriticalPath bounds = CriticalPath.of(spec, gflops);
        assertThat(r.tasks()).isEqualTo(816).isEqualTo(bounds.tasks());
        assertThat(r.executions()).isEqualTo(816);
        assertThat(r.busyCoreSeconds()).isCloseTo(bounds.flops() / (gflops * 1e9), within(1e-6));
        assertThat(r.seconds()).isGreaterThanOrEqualTo(bounds.seconds() - 1e-6)
                .isGreaterThanOrEqualTo(r.busyCoreSeconds() / workers);
        assertThat(r.peakWorkers()).isLessThanOrEqualTo(workers);
        assertThat(r.coreSeconds()).isGreaterThanOrEqualTo(r.busyCoreSeconds());
        for (int i = 0; i < r.profile().size(); i++) {
            assertThat(r.profile().busy(i)).isLessThanOrEqualTo(r.profile().running(i));
        }
    }

    /** A job of {@code p} with its inputs and outputs {@code n x n} in tiles of {@code block}. */
    static JobSpec shaped(Program p, Map<String, Long> args, long n, int block) {
        Map<String, MatrixBinding> b = new HashMap<>();
        for (MatrixDecl m : p.matrices()) {
            b.put(m.name(), m.role() == MatrixDecl.Role.TEMP ? MatrixBinding.temporary("t/" + m.name())
                    : new MatrixBinding(m.name(), n, n, block, StoredTiles.ALL));
        }
        return new JobSpec("job", p.name(), p, args, b);
    }

    @Test
    void calibratedTaskTimeIsFlopsOverRatePlusTileIo() {
        // C = A B with one 1000 x 1000 tile each: 2e9 flops at 2 GFLOP/s = 1 s; reads 2 tiles
        // (16 MB at 16 MB/s + 0.1 s), writes 1 (8 MB at 8 MB/s + 0.1 s): 3.2 s with one task in flight
        JobSpec spec = shaped(Programs.gemm(4), Map.of("M", 1L, "N", 1L, "K", 1L), 1000, 1000);
        var cal = new Calibration(2, Map.of(), Duration.ofMillis(100), 16e6, Duration.ofMillis(100), 8e6);
        SimResult r = Simulator.run(spec, unit(1, Duration.ZERO).withModel(cal));
        assertThat(r.tasks()).isEqualTo(1);
        assertThat(r.seconds()).isCloseTo(3.2, within(1e-9));
        assertThat(r.requests().tileGets()).isEqualTo(2);
        assertThat(r.requests().tilePuts()).isEqualTo(1);
        assertThat(r.requests().bytesRead()).isEqualTo(16_000_000L);
        // a kernel's own rate wins over the default one: 2e9 flops at 4 GFLOP/s
        var fast = new Calibration(2, Map.of("gemm_sum", 4.0), Duration.ofMillis(100), 16e6, Duration.ofMillis(100), 8e6);
        assertThat(Simulator.run(spec, unit(1, Duration.ZERO).withModel(fast)).seconds()).isCloseTo(2.7, within(1e-9));
    }
}
