package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run without data (dry runs, simulations), their lower bounds, and the builder's test vocabulary. */
class RehearsalTest extends EmbeddedSessionTest {
    /** Tasks of a tiled Cholesky on g tiles per side. */
    private static long choleskyTasks(long g) {
        return g + g * (g - 1) / 2 + (g - 1) * g * (g + 1) / 6;
    }

    @Test
    void dryRunAndSimulationRunEveryTaskOfTheJobOnPlaceholders() {
        long[][] sizes = {{300, 64}, {64, 64}, {1, 1}, {10, 64}}; // ragged, one tile, 1x1, block > matrix
        for (long[] s : sizes) {
            long g = (s[0] + s[1] - 1) / s[1];
            BlockMatrix a = wren.placeholder(s[0], s[0], (int) s[1]).asSpd();
            Rehearsal dry = wren.dryRun(a.cholesky());
            assertThat(dry.job().tasks()).as("dry-run tasks of n=%d block=%d", s[0], s[1]).isEqualTo(choleskyTasks(g));
            assertThat(dry.job().executions()).isGreaterThanOrEqualTo(dry.job().tasks());
            assertThat(dry.results()).hasSize(1);
            assertThat(dry.results().get(0).rows()).isEqualTo(s[0]);
            Rehearsal sim = wren.rehearse(1e6, a.cholesky());
            assertThat(sim.job().tasks()).isEqualTo(choleskyTasks(g));
            assertThat(wren.lastJob()).contains(sim.job());
        }
    }

    @Test
    void aRehearsedResultFeedsTheNextRehearsal() {
        BlockMatrix a = wren.placeholder(200, 200, 64).asSpd();
        BlockMatrix b = wren.placeholder(200, 3, 64);
        BlockMatrix l = wren.rehearse(1e6, a.cholesky()).results().get(0);
        Rehearsal y = wren.rehearse(1e6, l.triangularSolve(b, true, false));
        assertThat(y.job().tasks()).isPositive();
        assertThat(y.results().get(0).cols()).isEqualTo(3);
        // the fused solve is one job with at least the tasks of the factorization
        assertThat(wren.rehearse(1e6, a.solve(b)).job().tasks()).isGreaterThan(choleskyTasks(4));
    }

    @Test
    void lowerBoundsOfCholeskyAreTheTextbookFlopsAndTheDiagonalChain() {
        double gflops = 2.0;
        // one tile: one POTRF task, which is the whole critical path; n^3/3 flops
        LowerBounds one = wren.lowerBounds(gflops, wren.placeholder(64, 64, 64).asSpd().cholesky());
        assertThat(one.tasks()).isEqualTo(1);
        assertThat(one.flops()).isCloseTo(64.0 * 64 * 64 / 3, Percentage.withPercentage(5));
        assertThat(one.criticalPathSeconds()).isCloseTo(one.flops() / (gflops * 1e9), within(1e-15));
        // 8 tiles per side: n^3/3 in all, and the chain through every diagonal tile is longer than 8 POTRFs
        LowerBounds eight = wren.lowerBounds(gflops, wren.placeholder(512, 512, 64).asSpd().cholesky());
        assertThat(eight.tasks()).isEqualTo(choleskyTasks(8));
        assertThat(eight.flops()).isCloseTo(512.0 * 512 * 512 / 3, Percentage.withPercentage(2));
        assertThat(eight.criticalPathSeconds()).isGreaterThan(8 * one.criticalPathSeconds())
                .isLessThan(eight.flops() / (gflops * 1e9));
    }

    @Test
    void rehearsalsRefuseWhatTheyCannotRun() {
        BlockMatrix a = wren.placeholder(64, 64, 32).asSpd();
        assertThatThrownBy(() -> wren.rehearse(0, a.cholesky())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> wren.lowerBounds(Double.POSITIVE_INFINITY, a.cholesky())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wren.dryRun()).isInstanceOf(IllegalArgumentException.class).hasMessage("dryRun: no matrices given");
        assertThatThrownBy(() -> wren.dryRun(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing to run: every matrix given is stored already");
        assertThatThrownBy(() -> wren.placeholder(0, 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("placeholder: rows and cols must be >= 1, got 0 x 3");
        assertThat(wren.queueRequests()).isEmpty();
    }

    @Test
    void injectedFaultsCostWorkButNotTheResult() {
        try (Wren faulty = Wren.builder().workers(2).maxAttempts(20).retryBackoff(Duration.ofMillis(1))
                .faults(new FaultInjection(0.3, 0.05)).build()) {
            BlockMatrix a = faulty.randomSpd(150, 32, 11);
            double[][] l = a.cholesky().toArray();
            double[][] want = a.toArray();
            double[][] llt = new double[150][150];
            for (int i = 0; i < 150; i++) {
                for (int j = 0; j < 150; j++) {
                    double sum = 0;
                    for (int k = 0; k < 150; k++) {
                        sum += l[i][k] * l[j][k];
                    }
                    llt[i][j] = sum;
                }
            }
            DenseMath.assertClose(llt, want, 1e-10 * DenseMath.fro(want));
            JobReport job = faulty.lastJob().orElseThrow();
            assertThat(job.executions()).isGreaterThanOrEqualTo(job.tasks());
        }
        assertThatThrownBy(() -> new FaultInjection(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate deliveries must be a probability within [0, 1), got 1.0");
        assertThatThrownBy(() -> new FaultInjection(0, -0.1)).hasMessage("store failures must be a probability within [0, 1), got -0.1");
        assertThat(FaultInjection.NONE.none()).isTrue();
    }

    @Test
    void workerLaunchersNeedServices(@TempDir Path logs) {
        var processes = new WorkerProcesses(List.of("-Xmx256m"), logs);
        assertThatThrownBy(() -> Wren.builder().workerLauncher(processes).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("workerLauncher(...) needs services(...)");
        assertThat(processes.kill(0.5)).isZero();
        assertThatThrownBy(() -> processes.kill(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
