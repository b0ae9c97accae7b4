package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.Wren;
import org.wren4j.interop.Tables;

/**
 * {@code run <op> --input} for every op of run, on generated tables with known answers (a square
 * system and a consistent least-squares problem) and on the real digits table.
 */
class RunInputTest extends CliTest {
    private static final Path DIGITS = Path.of("").toAbsolutePath().getParent().resolve("test-data/real/digits.parquet");
    private static final double[] SQUARE_X = {1, 2, 3, 4, 5, 6};
    private static final double[] TALL_X = {2, -1, 0.5, 3};

    @TempDir
    Path tmp;
    private Path square;
    private Path tall;

    /** Tables whose last column y is exactly A x for the x above (a0.. for the square, c0.. for the tall one). */
    @BeforeEach
    void writeTables() {
        square = tmp.resolve("square.parquet");
        tall = tmp.resolve("tall.parquet");
        try (Wren w = Wren.builder().workers(1).build()) {
            Tables.writeParquet(w.fromArray(system(6, 6, SQUARE_X, 6.0, 3), 4), square, names("a", 6));
            Tables.writeParquet(w.fromArray(system(40, 4, TALL_X, 0, 5), 16), tall, names("c", 4));
        }
    }

    private static double[][] system(int rows, int cols, double[] x, double diagonal, long seed) {
        var r = new Random(seed);
        double[][] t = new double[rows][cols + 1];
        for (int i = 0; i < rows; i++) {
            double y = 0;
            for (int j = 0; j < cols; j++) {
                // small integers plus a dominant diagonal: A x = y holds exactly in doubles
                t[i][j] = r.nextInt(7) - 3 + (i == j ? diagonal : 0);
                y += t[i][j] * x[j];
            }
            t[i][cols] = y;
        }
        return t;
    }

    private static List<String> names(String prefix, int cols) {
        var names = new ArrayList<String>();
        for (int j = 0; j < cols; j++) {
            names.add(prefix + j);
        }
        names.add("y");
        return names;
    }




    private double residual() {
        return Double.parseDouble(stdout().replaceAll("(?s).*\"residual\": ([^,]+),.*", "$1"));
    }

    private double[] solution() {
        Matcher m = Pattern.compile("\"x\": \\[([^]]*)]").matcher(stdout());
        assertThat(m.find()).as("a solution in %s", stdout()).isTrue();
        return Arrays.stream(m.group(1).split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
    }

    @Test
    void solveAndLstsqTakeTheLabelAsRightHandSideAndPrintTheSolution() {
        assertThat(run("run", "solve", "--input", square.toString(), "--label", "y", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"op\": \"solve\"", "\"n\": 6", "\"rhs\": 1");
        assertThat(solution()).containsExactly(SQUARE_X, within(1e-12));
        assertThat(residual()).isLessThan(1e-14);

        assertThat(run("run", "lstsq", "--input", tall.toString(), "--label", "y", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"op\": \"lstsq\"", "\"m\": 40", "\"n\": 4", "\"block\": " + Inputs.DEFAULT_TABLE_BLOCK);
        assertThat(solution()).containsExactly(TALL_X, within(1e-12));
        assertThat(residual()).isLessThan(1e-14);
        // in several row tiles, and in text
        assertThat(run("run", "lstsq", "--input", tall.toString(), "--label", "y", "--block", "8")).as(stderr()).isZero();
        assertThat(stdout()).startsWith("lstsq 40x4, block 8").contains("\nx = [");

        // a stored input takes a stored right-hand side, e.g. the label that load saved beside it
        String store = tmp.resolve("st").toString();
        assertThat(run("load", tall.toString(), "--name", "t", "--label", "y", "--store", store)).as(stderr()).isZero();
        assertThat(run("run", "lstsq", "--input", "t", "--label", "t.label", "--store", store, "--json")).as(stderr()).isZero();
        assertThat(solution()).containsExactly(TALL_X, within(1e-12));

        // without --label the right-hand sides are random, and their solution is not printed
        assertThat(run("run", "solve", "--input", square.toString(), "--columns", "a*", "--k", "2", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"rhs\": 2").doesNotContain("\"x\"");
        assertThat(residual()).isLessThan(1e-14);
    }

    @Test
    void everyOtherOpRunsOnATableAndChecksAgainstLapack() {
        String[][] runs = {
            {"gram", DIGITS.toString(), "--columns", "pixel_*", "--block", "256"},
            {"qr", DIGITS.toString(), "--columns", "pixel_*", "--block", "256"},
            {"tsqr", DIGITS.toString(), "--columns", "pixel_*", "--block", "256"},
            {"svd", DIGITS.toString(), "--columns", "pixel_*", "--block", "256"},
            {"lu", square.toString(), "--columns", "a*", "--block", "4"},
            {"gemm", tall.toString(), "--n", "3"}};
        for (String[] r : runs) {
            var argv = new ArrayList<>(List.of("run", r[0], "--input"));
            argv.addAll(List.of(r).subList(1, r.length));
            argv.add("--json");
            assertThat(run(argv.toArray(String[]::new))).as("%s: %s", String.join(" ", r), stderr()).isZero();
            assertThat(stdout()).contains("\"op\": \"" + r[0] + "\"");
            assertThat(residual()).as("%s residual", r[0]).isLessThan(1e-13);
        }
    }

    @Test
    void inputAndLoadChooseTheSameDefaultBlock() {
        // --n sizes gemm's generated B only: it does not shrink the tiles the table is loaded in
        assertThat(run("run", "gemm", "--input", tall.toString(), "--n", "3", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"block\": " + Inputs.DEFAULT_TABLE_BLOCK, "\"m\": 40", "\"k\": 5");
        assertThat(run("load", tall.toString(), "--name", "t", "--store", tmp.resolve("st").toString())).isZero();
        assertThat(stdout()).contains("(block " + Inputs.DEFAULT_TABLE_BLOCK + ")");
    }

    @Test
    void inputMisusesAreOneLineUsageErrors() {
        String t = tall.toString();
        assertThat(run("run", "solve", "--input", t, "--label", "y")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: solve needs a square input, --input is 40x4; see 'wren4j help run'\n");
        assertThat(run("run", "gram", "--input", t, "--label", "y")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: gram takes no right-hand side: --label applies to solve and lstsq");
        assertThat(run("run", "lstsq", "--n", "8", "--label", "y")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: --label applies to an --input table only");
        assertThat(run("run", "lstsq", "--input", t, "--label", "y", "--n", "3")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: lstsq --input takes --n from the input's shape: drop --n");
        assertThat(run("run", "solve", "--input", square.toString(), "--label", "y", "--k", "3")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: solve --input takes --k from the input's shape: drop --k");
        assertThat(run("run", "tsqr", "--input", t, "--block", "2")).isEqualTo(2);
        assertThat(stderr()).contains("one tile column");
    }
}
