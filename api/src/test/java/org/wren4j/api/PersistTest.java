package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.api.DenseMath.maxDiff;
import static org.wren4j.planner.plan.Dense.mul;
import static org.wren4j.planner.plan.Dense.random;
import static org.wren4j.planner.plan.Dense.t;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BlockMatrix#persist()}: a persisted intermediate is computed once, inside the first job
 * that uses it, and read by later jobs; counted by jobs started and tasks of the job reports.
 */
class PersistTest extends EmbeddedSessionTest {
    private final Random random = new Random(20261206);

    @TempDir
    Path tmp;

    /** Relative tolerance of the Gram, its Cholesky factor and its trace against plain loops. */
    private static final double TOL = 1e-12;

    private long jobs() {
        return wren.jobsStarted();
    }

    private long lastTasks() {
        return wren.lastJob().orElseThrow().tasks();
    }

    @ParameterizedTest(name = "{0} x {1} in tiles of {2}")
    @CsvSource({"37, 13, 8", "50, 20, 64", "9, 9, 4"})
    void aPersistedGramServesTwoActionsComputedOnce(int m, int n, int block) {
        double[][] xd = random(random, m, n);
        BlockMatrix x = wren.fromArray(xd, block);

        // without persist: each action computes the Gram matrix again
        BlockMatrix plain = x.T().matmul(x);
        double[][] cholPlain = plain.cholesky().toArray();
        long cholTasks = lastTasks();
        double tracePlain = plain.trace().scalar();
        long traceTasks = lastTasks();
        long gramTasks = countTasks(x.T().matmul(x));
        BlockMatrix stored = x.T().matmul(x).compute();
        double traceStoredValue = stored.trace().scalar();
        long traceOfStoredTasks = lastTasks();
        assertThat(traceOfStoredTasks).as("the trace of a stored Gram reads it: fewer tasks").isLessThan(traceTasks);

        BlockMatrix g = x.T().matmul(x).persist();
        assertThat(g.toString()).contains("persist pending");
        long before = jobs();
        double[][] chol = g.cholesky().toArray();
        assertThat(jobs() - before).as("persisting adds no job").isEqualTo(1);
        assertThat(lastTasks()).as("the Gram is one more result of the Cholesky job, its tasks run once")
                .isEqualTo(cholTasks);
        assertThat(g.toString()).contains("persisted");

        double trace = g.trace().scalar();
        assertThat(jobs() - before).isEqualTo(2);
        assertThat(lastTasks()).as("the second action reads the stored Gram").isEqualTo(traceOfStoredTasks);
        double[][] gram = g.toArray();
        assertThat(jobs() - before).as("reading the persisted matrix runs no job").isEqualTo(2);
        assertThat(g.trace().explain()).as("the plan reads the kept tiles").contains(g.name());
        assertThat(wren.lowerBounds(1.0, g.trace()).tasks()).isEqualTo(traceOfStoredTasks);
        assertThat(jobs() - before).isEqualTo(2);

        // the same kernels on the same tiles: bit-identical to the plain results
        assertThat(chol).isDeepEqualTo(cholPlain);
        assertThat(trace).isEqualTo(tracePlain).isEqualTo(traceStoredValue);
        assertThat(gram).isDeepEqualTo(stored.toArray());
        // and against plain loops
        double[][] expected = mul(t(xd), xd);
        double scale = DenseMath.fro(expected);
        assertThat(maxDiff(gram, expected)).isLessThan(TOL * scale);
        assertThat(maxDiff(mul(chol, t(chol)), expected)).isLessThan(TOL * scale);
        double expectedTrace = 0;
        for (int i = 0; i < n; i++) {
            expectedTrace += expected[i][i];
        }
        assertThat(Math.abs(trace - expectedTrace)).isLessThan(TOL * Math.abs(expectedTrace));

        // unpersist: the tiles go, and the next action computes the Gram again
        String keptName = g.name();
        assertThat(jobs() - before).isEqualTo(2);
        assertThat(wren.list()).contains(keptName);
        g.unpersist();
        assertThat(wren.list()).doesNotContain(keptName);
        assertThat(g.toString()).doesNotContain("persist");
        assertThat(g.trace().scalar()).isEqualTo(tracePlain);
        assertThat(lastTasks()).as("after unpersist the trace computes the Gram again").isEqualTo(traceTasks);
        assertThat(gramTasks).isPositive();
    }

    /** The README's persist example, as written there, with small sizes. */
    @Test
    void readmeExample() {
        int n = 12;
        int b = 5;
        double[][] xd = random(random, 30, n);
        BlockMatrix x = wren.fromArray(xd, b);
        BlockMatrix y = wren.fromArray(random(random, n, 3), b);
        BlockMatrix plainSolve = x.T().matmul(x).plus(wren.eye(n, b)).solve(y);
        double[][] plain = plainSolve.toArray();
        long plainTasks = lastTasks();

        long before = jobs();
        BlockMatrix g = x.T().matmul(x).persist();      // nothing runs yet
        BlockMatrix l = g.cholesky().compute();         // ONE job: the Gram and its Cholesky factor
        double t = g.trace().scalar();                  // reads the kept Gram, computes only the trace
        BlockMatrix w = g.plus(wren.eye(n, b)).solve(y); // reads it too
        double[][] wd = w.toArray();
        assertThat(lastTasks()).as("the solve reads the kept Gram").isLessThan(plainTasks);
        g.unpersist();                                  // its tiles are deleted
        assertThat(jobs() - before).isEqualTo(3);
        assertThat(wd).isDeepEqualTo(plain);
        double[][] gd = mul(t(xd), xd);
        double expectedTrace = 0;
        for (int i = 0; i < n; i++) {
            expectedTrace += gd[i][i];
        }
        assertThat(Math.abs(t - expectedTrace)).isLessThan(TOL * expectedTrace);
        assertThat(maxDiff(mul(l.toArray(), t(l.toArray())), gd)).isLessThan(TOL * DenseMath.fro(gd));
    }

    /** Tasks of computing {@code e} alone, in a job of its own. */
    private long countTasks(BlockMatrix e) {
        e.compute();
        return lastTasks();
    }

    @Test
    void aPersistedMatrixServesASolveAndItsCard() {
        double[][] xd = random(random, 21, 6);
        double[][] bd = random(random, 6, 2);
        BlockMatrix x = wren.fromArray(xd, 4);
        BlockMatrix b = wren.fromArray(bd, 4);
        long marked = jobs();
        BlockMatrix g = x.T().matmul(x).plus(1).persist();
        assertThat(g.toHtml()).contains("lazy, not computed").contains("persist(): the next job that uses it stores it");
        assertThat(jobs()).as("persist runs nothing").isEqualTo(marked);

        double[][] y = g.solve(b).toArray();
        assertThat(g.toHtml()).contains("persisted: in this session as ").contains("unpersist() drops it");
        long before = jobs();
        double sum = g.sum().scalar();
        assertThat(jobs() - before).isEqualTo(1);
        double[][] gd = g.toArray();
        assertThat(maxDiff(mul(gd, y), bd)).isLessThan(1e-10);
        double expectedSum = 0;
        for (double[] row : gd) {
            for (double v : row) {
                expectedSum += v;
            }
        }
        assertThat(Math.abs(sum - expectedSum)).isLessThan(1e-12 * Math.abs(expectedSum));

        // a handle compute() returned keeps its tiles after unpersist
        BlockMatrix held = g.compute();
        g.unpersist();
        assertThat(held.toArray()).isDeepEqualTo(gd);
        assertThat(g.toHtml()).contains("lazy, not computed");
    }

    @Test
    void persistOfAStoredMatrixAndUnpersistOfAnUnmarkedOneDoNothing() {
        double[][] xd = random(random, 7, 5);
        BlockMatrix x = wren.fromArray(xd, 4);
        assertThat(x.persist()).isSameAs(x);
        assertThat(x.toHtml()).doesNotContain("persisted");
        assertThat(x.unpersist()).isSameAs(x);
        assertThat(x.toArray()).isDeepEqualTo(xd);

        BlockMatrix never = x.times(3);
        assertThat(never.unpersist()).isSameAs(never);
        long before = jobs();
        never.sum().scalar();
        assertThat(jobs() - before).isEqualTo(1);

        // persisted after it was computed: kept from that result, with no job
        BlockMatrix computed = x.plus(2);
        double[][] values = computed.toArray();
        before = jobs();
        computed.persist();
        assertThat(computed.toHtml()).contains("persisted");
        computed.sum().scalar();
        assertThat(jobs() - before).isEqualTo(1);
        assertThat(lastTasks()).as("the sum reads the earlier result").isEqualTo(countTasks(wren.fromArray(values, 4).sum()));
        computed.unpersist();
        assertThat(computed.toArray()).as("its own result is not the mark's to delete").isDeepEqualTo(values);
    }

    @Test
    void deletingTheKeptTilesByNameDropsTheMark() {
        double[][] xd = random(random, 10, 6);
        BlockMatrix x = wren.fromArray(xd, 4);
        BlockMatrix g = x.T().matmul(x).persist();
        double trace = g.trace().scalar();
        long traceTasks = lastTasks();
        wren.delete(g.name());
        assertThat(g.toHtml()).doesNotContain("persisted");
        assertThat(g.trace().scalar()).as("computed again, not read from deleted tiles").isEqualTo(trace);
        assertThat(lastTasks()).isEqualTo(traceTasks);
    }

    @Test
    void aFailedJobLeavesNothingHalfStored() throws IOException {
        Path dir = tmp.resolve("failing");
        try (Wren own = Wren.builder().workers(2).storeDirectory(dir).build()) {
            double[][] ad = random(random, 13, 13);
            double[][] dd = new double[13][13];
            dd[12][12] = 1e6;
            BlockMatrix a = own.fromArray(ad, 4).save("a");
            BlockMatrix d = own.fromArray(dd, 4).save("d");
            // A^T A - D is positive definite but for its last pivot: the Cholesky fails at the last
            // tile, after every tile of the persisted matrix was written
            BlockMatrix g = a.T().matmul(a).minus(d).persist();
            List<Path> tilesBefore = tiles(dir);
            assertThatThrownBy(() -> g.cholesky().compute()).isInstanceOf(WrenException.class).hasMessageContaining("positive");
            assertThat(tiles(dir)).as("no tile of the failed job is left, the persisted one included").isEqualTo(tilesBefore);
            assertThat(g.toHtml()).contains("lazy, not computed").contains("persist(): the next job");

            // still marked: the next action computes and stores it
            double sum = g.sum().scalar();
            assertThat(g.toHtml()).contains("persisted");
            double[][] expected = mul(t(ad), ad);
            double expectedSum = -1e6;
            for (double[] row : expected) {
                for (double v : row) {
                    expectedSum += v;
                }
            }
            assertThat(Math.abs(sum - expectedSum)).isLessThan(1e-12 * Math.abs(expectedSum));
        }
    }

    @Test
    void closeDeletesPersistedTiles() throws IOException {
        Path dir = tmp.resolve("closing");
        String keptName;
        try (Wren own = Wren.builder().workers(2).storeDirectory(dir).deleteScratchOnClose(false).build()) {
            BlockMatrix x = own.fromArray(random(random, 11, 5), 4).save("x");
            BlockMatrix g = x.T().matmul(x).persist();
            g.trace().scalar();
            keptName = g.name();
            assertThat(files(dir)).as("the persisted tiles are in the store").anyMatch(p -> p.toString().contains(keptName));
        }
        assertThat(files(dir)).as("closing deleted them, though it keeps other scratch").noneMatch(p -> p.toString().contains(keptName))
                .anyMatch(p -> p.toString().contains("x"));
    }

    /** The tile and manifest files of the store in {@code dir} (not its job records). */
    private static List<Path> tiles(Path dir) throws IOException {
        return files(dir).stream().filter(p -> !p.startsWith("wren4j-jobs")).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
