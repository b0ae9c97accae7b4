package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private record Out(int code, String out, String err) {
    }

    private static Out main(String... argv) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLineHasTheFiguresAndTheProfileIsWritten(@TempDir Path dir) throws Exception {
        // 3 x 3 tiles: C(5, 3) = 10 Cholesky tasks
        String prefix = dir.resolve("p").toString();
        Out r = main("simulate", "cholesky", "--n", "3000", "--block", "1000", "--workers", "4", "--policy", "numpywren", "--sf", "1/2",
                "--profile", prefix, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).startsWith("{\"op\":\"cholesky\"").contains("\"tasks\":10,", "\"policy\":\"numpywren sf=0.5\"")
                .containsPattern("\"seconds\":[0-9.]+,").containsPattern("\"core_seconds\":[0-9.]+,").containsPattern("\"dollars\":[0-9.]+,")
                .containsPattern("\"peak_workers\":[1-4],");
        assertThat(Files.readString(Path.of(prefix + ".svg"))).startsWith("<svg").contains("polyline");
        assertThat(Files.readAllLines(Path.of(prefix + ".csv")).get(0)).isEqualTo("seconds,ready_tasks,running_workers,busy_workers");
    }

    @Test
    void aStaticPoolOfOneRunsEveryTaskInTurn(@TempDir Path dir) {
        Out r = main("simulate", "gemm", "--n", "2000", "--block", "1000", "--workers", "1", "--policy", "static",
                "--profile", dir.resolve("g").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"peak_workers\":1,", "\"policy\":\"static\"");
    }

    @Test
    void badInputIsOneLineNamingTheFlag() {
        Out r = main("simulate", "cholesky", "--n", "1000", "--block", "100");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("needs --workers").contains("help simulate");
        assertThat(main("simulate", "cholesky", "--n", "1000", "--block", "100", "--workers", "2", "--sf", "x").err())
                .contains("--sf must be a number or fraction");
        assertThat(main("simulate", "svd", "--n", "1000", "--block", "100", "--workers", "2").err()).contains("one operation");
    }

    @Test
    void anUnreadableOrWrongCalibrationOrPriceFileIsOneLine(@TempDir Path dir) throws Exception {
        Out missing = main("simulate", "cholesky", "--n", "1000", "--block", "500", "--workers", "2", "--calibration",
                dir.resolve("none.properties").toString(), "--profile", dir.resolve("p").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("wren4j: error: cannot read the calibration ").contains("none.properties").hasLineCount(1);
        Path prices = Files.writeString(dir.resolve("prices.properties"), "lambda.gb_second=cheap\n");
        Out bad = main("simulate", "cholesky", "--n", "1000", "--block", "500", "--workers", "2", "--prices", prices.toString(),
                "--profile", dir.resolve("q").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("wren4j: error: ").contains("lambda.gb_second").hasLineCount(1);
    }
}
