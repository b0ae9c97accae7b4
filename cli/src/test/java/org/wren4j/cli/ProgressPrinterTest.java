package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void at(double seconds) {
        now.set((long) (seconds * 1e9));
    }

    @Test
    void aJobLineHasABarTheRateAndTheTimeLeft() {
        assertThat(ProgressPrinter.jobLine("cholesky", 300, 800, 2.5))
                .isEqualTo("  cholesky [#########...............]  38% 300/800 tasks, 120 tasks/s, 4.2 s left");
        assertThat(ProgressPrinter.jobLine("gemm", 3, 1000, 2)).endsWith("3/1,000 tasks, 1.5 tasks/s, 11 min 04 s left");
        assertThat(ProgressPrinter.jobLine("gemm", 1000, 1000, 12.25)).isEqualTo("  gemm [########################] 100% 1,000/1,000 tasks, 12.3 s");
        assertThat(ProgressPrinter.jobLine("gemm", 0, 10, 0.5)).endsWith("0/10 tasks, 0.5 s");
    }

    @Test
    void plainOutputShowsOnlyWhatLastsAndThinsOutJobLines() {
        var p = new ProgressPrinter(err, false, now::get, false);
        p.phase("making the inputs");
        at(1);
        p.tick();
        at(6);
        p.tick();
        p.afterEachJob("reading the result");
        at(7.5);
        p.progress("cholesky", 1, 10, 0.2);   // under 5 s into the job: not shown
        p.progress("cholesky", 8, 10, 5.5);   // 5 s: shown
        p.progress("cholesky", 9, 10, 6);     // within 5 s of the last: not shown
        p.progress("cholesky", 10, 10, 6.5);  // the end of a job that lasted: shown
        at(9);
        p.done();                             // a phase of 1.5 s: not shown
        p.progress("qr", 4, 4, 1);            // a short job: nothing at all
        at(10);
        p.close();
        assertThat(text()).isEqualTo("""
                  making the inputs ... 6.0 s
                  making the inputs: done in 7.5 s
                  cholesky [###################.....]  80% 8/10 tasks, 1.5 tasks/s, 1.4 s left
                  cholesky [########################] 100% 10/10 tasks, 6.5 s
                """);
    }

    @Test
    void closingDuringAPhaseClaimsNothing() {
        var plain = new ProgressPrinter(err, false, now::get, false);
        plain.phase("loading the input");
        at(30);
        plain.close();
        assertThat(text()).isEmpty();
        var term = new ProgressPrinter(err, true, now::get, false);
        term.phase("x");
        term.close();
        assertThat(text()).doesNotContain("done").startsWith("\r  x ... 0.0 s").endsWith("\r");
    }

    @Test
    void aTerminalLineIsRewrittenInPlaceAndBlanksALongerOne() {
        var p = new ProgressPrinter(err, true, now::get, false);
        p.phase("making the inputs");
        at(0.5);
        p.tick();
        p.progress("qr", 5, 5, 0.25);
        p.done();
        String t = text();
        assertThat(t).startsWith("\r  making the inputs ... 0.0 s\r  making the inputs ... 0.5 s\r  making the inputs: done in 0.5 s\n");
        assertThat(t).endsWith("\r  qr [########################] 100% 5/5 tasks, 0.3 s" + " ".repeat(0) + "\n");
        assertThat(t).doesNotContain("\n\n");
    }

    @Test
    void quietPrintsNothing() {
        var p = ProgressPrinter.quiet();
        p.phase("x");
        p.progress("y", 1, 1, 1);
        p.close();
    }
}
