package org.wren4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the CLI in the test's JVM, as {@code bin/wren4j} would, and keeps what the last run printed. */
abstract class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@code wren4j argv...}: its exit code; {@link #stdout()} and {@link #stderr()} hold its output. */
    int run(String... argv) {
        return run(List.of(argv));
    }

    /** As {@link #run(String...)}. */
    int run(List<String> argv) {
        out.reset();
        err.reset();
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
