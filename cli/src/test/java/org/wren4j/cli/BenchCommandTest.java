package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bench fusion --simulate-gflops}: a huge rate makes every modelled task take microseconds. */
class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(json);
        assertThat(m.find()).as("field %s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void simulatedFusionPrintsOneJsonLinePerRepWithTimesAndBounds() {
        double gflops = 1e6;
        assertThat(run("bench", "fusion", "--n", "1000", "--block", "128", "--k", "200", "--workers", "8", "--reps", "2",
                "--simulate-gflops", "1e6")).isEqualTo(0);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        for (int rep = 0; rep < 2; rep++) {
            String line = lines.get(rep);
            assertThat(line).startsWith("{\"bench\": \"fusion\", \"op\": \"solve\", \"mode\": \"simulated\"").endsWith("}")
                    .contains("\"rep\": " + rep, "\"workers\": 8", "\"n\": 1000", "\"block\": 128", "\"rhs\": 200");
            assertThat(number(line, "simulate_gflops")).isEqualTo(gflops);
            double fused = number(line, "fused_seconds");
            double sequential = number(line, "sequential_seconds");
            assertThat(fused).isPositive();
            assertThat(sequential).isPositive();
            assertThat(number(line, "speedup")).isCloseTo(sequential / fused, org.assertj.core.data.Percentage.withPercentage(2));
            // Cholesky of 8 x 8 tiles: 8 + 28 + 120 tasks, and each triangular solve at least one task per B tile
            assertThat(number(line, "sequential_tasks")).isGreaterThanOrEqualTo(156 + 2 * 16);
            assertThat(number(line, "fused_tasks")).isGreaterThanOrEqualTo(156 + 2 * 16);
            // the textbook count of the solve: n^3/3 (Cholesky) + 2 n^2 k (two triangular solves), and more for the ragged tiles' rounding
            assertThat(number(line, "flops")).isGreaterThanOrEqualTo(1000.0 * 1000 * 1000 / 3 + 2.0 * 1000 * 1000 * 200);
            double work = number(line, "work_bound_seconds");
            double fusedPath = number(line, "fused_critical_path_seconds");
            assertThat(work).isCloseTo(number(line, "flops") / (8 * gflops * 1e9), org.assertj.core.data.Offset.offset(1e-4));
            // one program can only shorten the longest chain of tasks, never lengthen it
            assertThat(fusedPath).isPositive().isLessThanOrEqualTo(number(line, "sequential_critical_path_seconds"));
            assertThat(number(line, "fused_lower_bound_seconds")).isCloseTo(Math.max(work, fusedPath), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aRateThatIsNotPositiveIsAUsageError() {
        assertThat(run("bench", "fusion", "--n", "256", "--simulate-gflops", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wren4j: --simulate-gflops must be a finite number above 0, got 0");
    }

    @Test
    void benchBackendsNamesWhatIsMissingOrWrong() {
        assertThat(run("bench", "backends", "--op", "qr", "--n", "256")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench backends runs --op cholesky or --op gemm, got 'qr'");
        err.reset();
        assertThat(run("bench", "backends", "--op", "gemm")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench backends needs --n");
        err.reset();
        assertThat(run("bench", "backends", "--n", "256")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--backend services needs --redis --sqs --bucket");
        err.reset();
        assertThat(run("bench", "backends", "--n", "256", "--backend", "embedded")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--backend does not apply");
        err.reset();
        assertThat(run("bench", "sideways")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fusion or backends");
    }

    @Test
    void usageSaysTheModeModelsTimeAndDoesNotCompute() {
        assertThat(run("help", "bench")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--simulate-gflops R", "models time and does NOT compute");
    }
}
