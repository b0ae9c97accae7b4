package org.wren4j.cli;

import java.io.PrintStream;
import org.wren4j.api.JobProgress;

/** Shows job progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
final class ProgressPrinter implements JobProgress {
    private final PrintStream err;
    private final boolean terminal;
    private double lastPrinted = -10;

    ProgressPrinter(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void progress(String operation, long completed, long total, double seconds) {
        boolean finished = completed >= total;
        if (!terminal && !finished && seconds - lastPrinted < 5) {
            return;
        }
        lastPrinted = seconds;
        String line = String.format("  %s: %d/%d tasks (%.0f%%) %.1f s", operation, completed, total,
                total == 0 ? 100.0 : 100.0 * completed / total, seconds);
        if (terminal) {
            err.print("\r" + line + (finished ? "\n" : ""));
        } else if (seconds >= 5) {
            err.println(line);
        }
        err.flush();
    }
}
