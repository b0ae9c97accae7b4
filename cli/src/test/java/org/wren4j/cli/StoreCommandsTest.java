package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.Wren;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.Tables;

/** load, list, export and run --input, each a separate Main.run sharing only the --store directory. */
class StoreCommandsTest extends CliTest {
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d", "y");

    @TempDir
    Path tmp;
    private Path store;
    private Path table;
    private double[][] data;

    @BeforeEach
    void writeTable() {
        store = tmp.resolve("store");
        table = tmp.resolve("t.parquet");
        var r = new Random(11);
        data = new double[23][COLUMNS.size()];
        for (double[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        try (Wren w = Wren.builder().workers(1).build()) {
            Tables.writeParquet(w.fromArray(data, 8), table, COLUMNS);
        }
    }


    @Test
    void runExitsNonZeroWhenItsCheckIsNotFinite() {
        double[][] withNan = new double[6][3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                withNan[i][j] = i + j;
            }
        }
        withNan[4][1] = Double.NaN; // gemm propagates it, as numpy does: the job succeeds, the check is NaN
        Path nan = tmp.resolve("nan.parquet");
        try (Wren w = Wren.builder().workers(1).build()) {
            Tables.writeParquet(w.fromArray(withNan, 4), nan, List.of("a", "b", "c"));
        }
        // the load refuses the NaN unless asked; then gemm propagates it and the check is not finite
        assertThat(run("run", "gemm", "--input", nan.toString(), "--json")).as(stdout() + stderr()).isEqualTo(1);
        assertThat(stderr()).contains("column 'b', row 4", "NaN", "--non-finite allow").doesNotContain("NonFinitePolicy");
        assertThat(run("run", "gemm", "--input", nan.toString(), "--non-finite", "allow", "--json")).as(stdout() + stderr()).isEqualTo(1);
        assertThat(stderr()).contains("not finite").doesNotContain("\tat ");
        assertThat(stdout()).contains("\"residual\": null");
        assertThat(run("run", "gemm", "--input", table.toString(), "--json")).as(stderr()).isZero();
    }



    @Test
    void loadRefusesNanAndInfinityUnlessAllowed() {
        double[][] bad = new double[12][3];
        for (int i = 0; i < bad.length; i++) {
            for (int j = 0; j < 3; j++) {
                bad[i][j] = i - j * 0.25;
            }
        }
        bad[9][2] = Double.POSITIVE_INFINITY;
        bad[4][1] = Double.NaN;
        Path file = tmp.resolve("bad.parquet");
        try (Wren w = Wren.builder().workers(1).build()) {
            Tables.writeParquet(w.fromArray(bad, 4), file, List.of("a", "b", "c"));
        }
        assertThat(run("load", file.toString(), "--name", "x", "--store", store.toString())).isEqualTo(1);
        assertThat(stderr().split("\n")).hasSize(1);
        assertThat(stderr()).startsWith("wren4j: error: file " + file.toAbsolutePath() + ", column 'b', row 4: ")
                .contains("NaN", "add --non-finite allow").doesNotContain("NonFinitePolicy", "\tat ");
        assertThat(run("load", file.toString(), "--name", "x", "--columns", "c", "--non-finite", "fail", "--store", store.toString()))
                .isEqualTo(1);
        assertThat(stderr()).contains("column 'c', row 9", "Infinity");
        assertThat(run("load", file.toString(), "--name", "x", "--non-finite", "sometimes", "--store", store.toString())).isEqualTo(2);
        assertThat(stderr()).contains("'sometimes'", "fail, allow");

        assertThat(run("load", file.toString(), "--name", "x", "--non-finite", "allow", "--store", store.toString())).as(stderr()).isZero();
        try (Wren w = Wren.builder().workers(1).storeDirectory(store).build()) {
            double[][] back = w.open("x").toArray();
            for (int i = 0; i < bad.length; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(Double.doubleToRawLongBits(back[i][j])).as("%d,%d", i, j).isEqualTo(Double.doubleToRawLongBits(bad[i][j]));
                }
            }
        }
    }

    @Test
    void bytesNamedParquetAreReportedAsNotParquet() throws IOException {
        Path junk = tmp.resolve("junk.parquet");
        byte[] bytes = new byte[300];
        new Random(5).nextBytes(bytes);
        bytes[0] = 'J';
        bytes[1] = 'U';
        bytes[2] = 'N';
        bytes[3] = 'K';
        Files.write(junk, bytes);
        assertThat(run("load", junk.toString(), "--name", "x", "--store", store.toString())).isEqualTo(1);
        assertThat(stderr().split("\n")).hasSize(1);
        assertThat(stderr()).contains("junk.parquet", "not a Parquet file", "magic bytes PAR1", "'JUNK'").doesNotContain("Arrow");
    }

    private static double[][] columns(double[][] a, int from, int to) {
        double[][] o = new double[a.length][to - from];
        for (int r = 0; r < a.length; r++) {
            System.arraycopy(a[r], from, o[r], 0, to - from);
        }
        return o;
    }

    @Test
    void loadListExportRoundTripsExactlyAcrossInvocations() {
        assertThat(run("load", table.toString(), "--name", "train/x", "--label", "y", "--block", "8", "--store", store.toString(), "--json"))
                .as(stderr()).isZero();
        String[] lines = stdout().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("\"name\": \"train/x\"", "\"rows\": 23", "\"cols\": 4", "\"block\": 8", "\"label\": \"train/x.label\"",
                "\"seconds\": ", "\"mb_per_s\": ");

        assertThat(run("list", "--store", store.toString())).isZero();
        assertThat(stdout().split("\n")).hasSize(2);
        assertThat(stdout()).contains("train/x  23x4  block 8  general  created ", "columns a,b,c,d", "train/x.label  23x1  block 8");
        assertThat(run("list", "--store", store.toString(), "--json")).isZero();
        assertThat(stdout().split("\n")[0]).startsWith("{\"name\": \"train/x\"").contains("\"columns\": [\"a\", \"b\", \"c\", \"d\"]");

        Path parquet = tmp.resolve("x.parquet");
        Path arrow = tmp.resolve("y.arrow");
        assertThat(run("export", "train/x", parquet.toString(), "--store", store.toString())).as(stderr()).isZero();
        assertThat(stdout()).startsWith("exported 'train/x' (23 rows x 4 cols) to " + parquet);
        assertThat(run("export", "train/x.label", arrow.toString(), "--store", store.toString(), "--json")).as(stderr()).isZero();
        try (Wren w = Wren.builder().workers(1).build()) {
            LoadedTable x = Tables.load(w, parquet, LoadOptions.defaults());
            assertThat(x.columnNames()).containsExactly("a", "b", "c", "d");
            assertThat(x.features().toArray()).isEqualTo(columns(data, 0, 4));
            LoadedTable y = Tables.load(w, arrow, LoadOptions.defaults());
            assertThat(y.columnNames()).containsExactly("y");
            assertThat(y.features().toArray()).isEqualTo(columns(data, 4, 5));
        }

        // a second load under the same name is refused, then replaces when asked
        assertThat(run("load", table.toString(), "--name", "train/x", "--columns", "a,b", "--store", store.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: matrix 'train/x' already exists").contains("--replace");
        assertThat(run("load", table.toString(), "--name", "train/x", "--columns", "b*,a", "--store", store.toString(), "--replace"))
                .as(stderr()).isZero();
        assertThat(stdout()).startsWith("loaded " + table + ": 23 rows x 2 cols as 'train/x' (block 1024)");
        assertThat(run("list", "--store", store.toString())).isZero();
        assertThat(stdout()).contains("train/x  23x2  block 1024  general", "columns b,a");
    }

    @Test
    void runTakesItsInputFromATableOrAStoredMatrix() throws IOException {
        assertThat(run("load", table.toString(), "--name", "x", "--block", "8", "--store", store.toString())).as(stderr()).isZero();
        assertThat(run("run", "gemm", "--input", "x", "--n", "3", "--store", store.toString(), "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"op\": \"gemm\"", "\"n\": 3", "\"m\": 23", "\"k\": 5", "\"block\": 8");
        double residual = Double.parseDouble(stdout().replaceAll("(?s).*\"residual\": ([^,]+),.*", "$1"));
        assertThat(residual).isLessThan(1e-14);
        assertThat(run("run", "gemm", "--input", table.toString(), "--columns", "a,b", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"m\": 23", "\"k\": 2", "\"n\": 2");

        // a square SPD table for cholesky
        Path spd = tmp.resolve("spd.arrow");
        try (Wren w = Wren.builder().workers(1).build()) {
            Tables.write(w.randomSpd(12, 5, 3), spd, List.of());
        }
        assertThat(run("run", "cholesky", "--input", spd.toString(), "--block", "5", "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"op\": \"cholesky\"", "\"n\": 12", "\"block\": 5");
        assertThat(run("run", "cholesky", "--input", table.toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: cholesky needs a square input, --input is 23x5");
        // the store keeps only what was saved
        assertThat(run("list", "--store", store.toString())).isZero();
        assertThat(stdout().split("\n")).hasSize(1);
        assertThat(Files.isDirectory(store)).isTrue();
    }

    /** A job run on a store directory is reported on by a later command: text, JSON and an HTML page with its timeline. */
    @Test
    void reportReadsAFinishedJobFromAnotherCommand() throws IOException {
        assertThat(run("load", table.toString(), "--name", "x", "--block", "8", "--store", store.toString())).as(stderr()).isZero();
        assertThat(run("run", "gemm", "--input", "x", "--n", "3", "--store", store.toString(), "--json")).as(stderr()).isZero();
        String job = stdout().replaceAll("(?s).*\"job\": \"([^\"]+)\".*", "$1");
        long tasks = Long.parseLong(stdout().replaceAll("(?s).*\"tasks\": (\\d+),.*", "$1"));
        assertThat(job).doesNotContain("\"").isNotBlank();

        assertThat(run("report", job, "--store", store.toString())).as(stderr()).isZero();
        assertThat(stdout()).startsWith("job " + job + ": ").contains(tasks + " task");
        assertThat(run("report", job, "--store", store.toString(), "--json")).as(stderr()).isZero();
        assertThat(stdout()).contains("\"job\": \"" + job + "\"", "\"tasks\": " + tasks + ",", "\"compute_seconds\"");
        Path page = tmp.resolve("report.html");
        assertThat(run("report", job, "--store", store.toString(), "--html", page.toString())).as(stderr()).isZero();
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("wren4j-job", ">worker 1</text>", ">seconds</text>", ">gemm");

        // run writes the same page itself, for a session whose store goes with it
        Path runPage = tmp.resolve("run.html");
        assertThat(run("run", "cholesky", "--n", "40", "--block", "10", "--html", runPage.toString())).as(stderr()).isZero();
        assertThat(stderr()).contains("wrote " + runPage);
        assertThat(Files.readString(runPage)).contains(">worker 1</text>", ">chol</text>", ">tasks computing</text>");

        assertThat(run("report", "no-such-job", "--store", store.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: no report of job no-such-job is saved there").doesNotContain("\tat ");
        assertThat(run("report", "--store", store.toString())).isEqualTo(2);
        assertThat(stderr()).contains("report takes one job id").endsWith("; see 'wren4j help report'\n");
        assertThat(run("report", job)).isEqualTo(2);
        assertThat(stderr()).contains("report needs --store DIR or the services' flags");
        // collected with its job
        assertThat(run("jobs", "gc", "--store", store.toString())).as(stderr()).isZero();
        assertThat(run("report", job, "--store", store.toString())).isEqualTo(1);
    }

    @Test
    void badInputIsOneLinePointingToTheCommandsHelpWithExitCode2() {
        String s = store.toString();
        String t = table.toString();
        assertThat(run("load", t, "--store", s)).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: load needs --name X").endsWith("; see 'wren4j help load'\n").doesNotContain("usage:");
        assertThat(stderr().lines().count()).isOne();
        assertThat(run("load", t, "--name", "x")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: load needs --store DIR");
        assertThat(run("load", "--name", "x", "--store", s)).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: load needs a table file");
        assertThat(run("load", t, "--name", "x", "--store", s, "--nulls", "banana")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: null policy 'banana' is not one of: fail, drop, fill:<number>; see 'wren4j help load'\n");
        assertThat(run("load", t, "--name", "x", "--store", s, "--columns", "a,kind:potato")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: unknown column kind 'potato'");
        assertThat(run("load", t, "--name", "x", "--store", s, "--columns", "a,,b")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: --columns has an empty item");
        assertThat(run("load", t, "--name", "bad name", "--store", s)).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: --name: invalid matrix name 'bad name'");
        assertThat(run("export", "x", "out.csv", "--store", s)).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: cannot tell the format of out.csv");
        assertThat(run("list", "--store", tmp.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: --store " + tmp.resolve("nowhere") + ": no such directory");
        assertThat(run("list")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: list needs --store DIR");
        assertThat(run("run", "cholesky", "--input", t, "--n", "4")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: cholesky --input takes --n from the input's shape: drop --n");
        assertThat(run("run", "gemm", "--n", "4", "--columns", "a")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: --columns applies to an --input table only");
        assertThat(Files.exists(store)).as("no store created by bad input").isFalse();
    }

    @Test
    void failingLoadsAndMissingMatricesExitWith1AndSayWhere() throws IOException {
        String s = store.toString();
        Path bad = tmp.resolve("bad.parquet");
        Files.write(bad, "PAR1 this is not really parquet".getBytes(StandardCharsets.US_ASCII));
        assertThat(run("load", bad.toString(), "--name", "x", "--store", s)).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: file " + bad.toAbsolutePath()).doesNotContain("usage:");
        assertThat(run("load", table.toString(), "--name", "x", "--columns", "a,nope", "--store", s)).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: ").contains(table.toString(), "'nope'");
        assertThat(run("run", "gemm", "--input", tmp.resolve("missing.parquet").toString())).isEqualTo(1);
        assertThat(stderr()).contains("missing.parquet");

        assertThat(run("load", table.toString(), "--name", "x", "--store", s)).isZero();
        assertThat(run("export", "zz", tmp.resolve("o.parquet").toString(), "--store", s)).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: no matrix named 'zz'").contains("available: x");
        assertThat(run("run", "gemm", "--input", "zz", "--store", s)).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: no matrix named 'zz'").contains("available: x");
        assertThat(run("list", "--store", s)).isZero();
        assertThat(stdout().split("\n")).hasSize(1);
    }
}
