package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ReduceBuilder;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.library.Triangular;

/** Absurd blocks are refused or warned, each time with a block to use instead. */
class BlockRuleTest extends CliTest {

    @TempDir
    Path tmp;




    private static long planned(Program p, Map<String, Long> args) {
        return ProgramAnalysis.of(p, args).taskCount();
    }

    @Test
    void taskCountsAreThePlannersOrLowerBoundsOfTheOpsMainProgram() {
        for (long t : new long[] {1, 2, 3, 7, 16, 143}) {
            assertThat(BlockRule.tasks("cholesky", t * 8, t * 8, t * 8, 8)).as("cholesky %d tiles", t)
                    .isEqualTo(planned(Programs.cholesky(), Map.of("N", t)));
        }
        // the issue's example: n = 1000 in blocks of 7 is a 143 x 143 grid
        assertThat(BlockRule.tasks("cholesky", 1000, 1000, 1000, 7)).isEqualTo(497_640);
        assertThat(BlockRule.REDUCTION_FAN_IN).isEqualTo(ReduceBuilder.DEFAULT_FAN_IN);
        for (long[] g : new long[][] {{3, 2, 5}, {8, 8, 8}, {1, 9, 2}, {2, 70, 3}}) {
            long m = g[0];
            long k = g[1];
            long n = g[2];
            long gemm = planned(Programs.gemm(), Map.of("M", m, "K", k, "N", n));
            assertThat(BlockRule.tasks("gemm", m * 4, n * 4, k * 4, 4)).isEqualTo(gemm);
            long gram = planned(Programs.gram(), Map.of("M", m, "N", n));
            assertThat(BlockRule.tasks("gram", m * 4, n * 4, n * 4, 4)).isEqualTo(gram);
            long trsm = planned(Programs.trsm(new Triangular(Triangular.Side.LEFT, true, false)), Map.of("N", n, "R", k));
            assertThat(BlockRule.tasks("solve", n * 4, n * 4, k * 4, 4)).isEqualTo(planned(Programs.cholesky(), Map.of("N", n)) + 2 * trsm);
            long tall = Math.max(m, n);
            long wide = Math.min(m, n);
            long caqr = planned(Programs.caqr(), Map.of("M", tall, "N", wide));
            assertThat(BlockRule.tasks("qr", tall * 4, wide * 4, wide * 4, 4)).isLessThanOrEqualTo(caqr).isGreaterThanOrEqualTo(caqr / 4);
            long calu = planned(Programs.calu(), Map.of("M", n, "N", n));
            assertThat(BlockRule.tasks("lu", n * 4, n * 4, n * 4, 4)).isLessThanOrEqualTo(calu);
            assertThat(BlockRule.tasks("svd", n * 4, n * 4, n * 4, 4)).isLessThanOrEqualTo(planned(Programs.bdfac(), Map.of("N", n)));
        }
    }

    @Test
    void theIssuesBlockOf7IsRefusedInOneLineWithASuggestedBlockAndNothingRuns() {
        assertThat(run("run", "cholesky", "--n", "1000", "--block", "7", "--json")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("wren4j: run cholesky: --block 7 makes 497,640 tasks on 7x7 tiles, too small to pay for their overhead; "
                + "use --block 128 (120 tasks), or add --force to run it anyway; see 'wren4j help run'\n");
        // every op of run, with generated inputs
        for (String op : List.of("gemm", "solve", "gram", "qr", "lstsq", "lu", "svd")) {
            assertThat(run("run", op, "--n", "1000", "--block", "7")).as(op).isEqualTo(2);
            assertThat(stderr()).as(op).contains("run " + op + ": --block 7 makes ", "use --block 128", "--force").doesNotContain("\tat ");
        }
        assertThat(run("bench", "fusion", "--n", "1000", "--block", "7", "--simulate-gflops", "1e6")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: bench fusion: --block 7 makes ").contains("use --block 128").endsWith("see 'wren4j help bench'\n");
        // refused before any service is reached
        assertThat(run("bench", "backends", "--op", "cholesky", "--n", "1000", "--block", "7", "--redis", "redis://127.0.0.1:1",
                "--sqs", "http://127.0.0.1:1", "--bucket", "b")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: bench backends: --block 7 makes 497,640 tasks");
        assertThat(run("run", "cholesky", "--dry-run", "--n", "1000", "--block", "7")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: run cholesky --dry-run: --block 7 makes 497,640 tasks");
    }

    @Test
    void tooManyTasksAtAnyBlockAreRefusedAndForceOnlyWarns() {
        var e = new ByteArrayOutputStream();
        var print = new PrintStream(e, true, StandardCharsets.UTF_8);
        // 256 x 256 tiles of 4096: 2,829,056 tasks, at a block no larger one would make sane
        assertThatThrownBy(() -> BlockRule.check("run cholesky", "cholesky", 1L << 20, 1L << 20, 1L << 20, 4096, false, print))
                .isInstanceOf(UsageException.class)
                .hasMessage("run cholesky: --block 4096 makes 2,829,056 tasks on 4096x4096 tiles, more than 1,000,000 in one job; "
                        + "add --force to run it anyway");
        BlockRule.check("run cholesky", "cholesky", 1L << 20, 1L << 20, 1L << 20, 4096, true, print);
        assertThat(e.toString(StandardCharsets.UTF_8)).startsWith("wren4j: warning: run cholesky: --block 4096 makes 2,829,056 tasks");
        e.reset();
        BlockRule.check("run cholesky", "cholesky", 1000, 1000, 1000, 7, true, print);
        assertThat(e.toString(StandardCharsets.UTF_8)).contains("497,640 tasks", "use --block 128");
        e.reset();
        // sane and small jobs pass quietly, whatever the block
        BlockRule.check("run cholesky", "cholesky", 8192, 8192, 8192, 1024, false, print);
        BlockRule.check("run cholesky", "cholesky", 100, 100, 100, 16, false, print);
        BlockRule.check("run gemm", "gemm", 12, 12, 12, 5, false, print);
        assertThat(e.toString(StandardCharsets.UTF_8)).isEmpty();
        // the suggestion is a multiple of 128, never beyond the matrix
        assertThat(BlockRule.suggest("cholesky", 100_000, 100_000, 100_000)).isEqualTo(BlockRule.MAX_SUGGESTED_BLOCK);
        assertThat(BlockRule.suggest("gram", 5000, 64, 64) % 128).isZero();
        assertThat(BlockRule.suggest("tiles", 100, 60, 60)).isEqualTo(100);
    }

    @Test
    void aSmallBlockBelowTheRefusalIsWarnedAndRuns() {
        // 19 x 19 tiles of 16: 1,330 tasks
        assertThat(run("run", "cholesky", "--n", "300", "--block", "16", "--workers", "2", "--json")).as(stderr()).isZero();
        assertThat(stdout().lines()).hasSize(1);
        assertThat(stdout()).contains("\"tasks\": 1330", "\"block\": 16");
        assertThat(stderr()).isEqualTo("wren4j: warning: run cholesky: --block 16 makes 1,330 tasks on 16x16 tiles, too small to pay for "
                + "their overhead; use --block 128 (10 tasks)\n");
    }

    @Test
    void loadWarnsAboutTinyTilesWithTheBlockToUse() {
        Path digits = Path.of("").toAbsolutePath().getParent().resolve("test-data/real/digits.parquet");
        Path store = tmp.resolve("st");
        assertThat(run("load", digits.toString(), "--name", "d", "--columns", "pixel_*", "--block", "7", "--store", store.toString()))
                .as(stderr()).isZero();
        assertThat(stdout()).startsWith("loaded " + digits + ": 1797 rows x 64 cols as 'd' (block 7)");
        assertThat(stderr()).isEqualTo("wren4j: warning: load: --block 7 cuts the matrix into 2,570 tiles of 7x7, too small to pay for "
                + "their overhead; use --block 128 (15 tiles)\n");
        assertThat(run("load", digits.toString(), "--name", "e", "--columns", "pixel_*", "--block", "128", "--store", store.toString()))
                .isZero();
        assertThat(stderr()).isEmpty();
    }
}
