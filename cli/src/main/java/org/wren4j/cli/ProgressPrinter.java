package org.wren4j.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.wren4j.api.JobProgress;

/**
 * Shows a command's progress on stderr, phase by phase: steps without tasks (making the inputs,
 * checking the result) by their elapsed time, jobs as a bar with tasks done, rate and time left.
 * On a terminal one line is rewritten in place (twice a second); otherwise only what lasts:
 * a plain line every {@link #PLAIN_PERIOD} seconds and when a phase or job that lasted that long
 * ends, so logs and short runs stay quiet. Progress never goes to stdout, so {@code --json}
 * output stays one clean line; a command that fails after a phase began ends it with
 * {@link #close()}, which erases the line and claims nothing.
 */
final class ProgressPrinter implements JobProgress, AutoCloseable {
    /** Seconds between plain lines when stderr is not a terminal. */
    static final double PLAIN_PERIOD = 5;
    private static final int BAR = 24;

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final ScheduledExecutorService ticker;
    /** The phase under way without tasks, or null. */
    private String phase;
    private long phaseStart;
    private double lastPlain;
    /** Seconds into the current job of its last plain line. */
    private double lastJobPlain;
    /** The phase to start when a job finishes, or null. */
    private String afterJob;
    private int lastWidth;

    /** A printer for {@code err}, a terminal if the JVM has a console. */
    ProgressPrinter(PrintStream err) {
        this(err, System.console() != null, System::nanoTime, true);
    }

    ProgressPrinter(PrintStream err, boolean terminal, LongSupplier nanos, boolean tick) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        if (tick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wren4j-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A printer that prints nothing, for {@code --quiet}. */
    static ProgressPrinter quiet() {
        return new ProgressPrinter(new PrintStream(java.io.OutputStream.nullOutputStream()), false, System::nanoTime, false);
    }

    /** Ends the current phase (printing its time) and starts {@code what}, e.g. "making the inputs". */
    synchronized void phase(String what) {
        endPhase();
        phase = what;
        phaseStart = nanos.getAsLong();
        lastPlain = 0;
        if (terminal) {
            show(phaseLine(0));
        }
    }

    /** The phase that starts by itself when a job finishes (e.g. reading and checking its result); null for none. */
    synchronized void afterEachJob(String what) {
        afterJob = what;
    }

    @Override
    public synchronized void progress(String operation, long completed, long total, double seconds) {
        endPhase();
        boolean finished = completed >= total;
        String line = jobLine(operation, completed, total, seconds);
        if (terminal) {
            show(line);
            if (finished) {
                err.println();
                lastWidth = 0;
            }
        } else if (seconds >= PLAIN_PERIOD && (finished || seconds - lastJobPlain >= PLAIN_PERIOD)) {
            lastJobPlain = seconds;
            err.println(line);
        }
        if (finished) {
            lastJobPlain = 0;
        }
        err.flush();
        if (finished && afterJob != null) {
            phase(afterJob);
        }
    }

    /** Ends the current phase, printing its time: the command's work is done. */
    synchronized void done() {
        endPhase();
    }

    /** Stops; a phase still under way (the command failed in it) is erased from a terminal, not reported done. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (phase != null && terminal) {
            show("");
            err.print("\r");
            err.flush();
        }
        phase = null;
    }

    /** Redraws a phase's elapsed time on a terminal; a plain line now and then otherwise. */
    synchronized void tick() {
        if (phase == null) {
            return;
        }
        double s = (nanos.getAsLong() - phaseStart) / 1e9;
        if (terminal) {
            show(phaseLine(s));
        } else if (s - lastPlain >= PLAIN_PERIOD) {
            lastPlain = s;
            err.println(phaseLine(s));
            err.flush();
        }
    }

    private void endPhase() {
        if (phase == null) {
            return;
        }
        double s = (nanos.getAsLong() - phaseStart) / 1e9;
        String line = String.format(Locale.ROOT, "  %s: done in %s", phase, seconds(s));
        if (terminal) {
            show(line);
            err.println();
            lastWidth = 0;
        } else if (s >= PLAIN_PERIOD) {
            err.println(line);
        }
        err.flush();
        phase = null;
    }

    private String phaseLine(double s) {
        return String.format(Locale.ROOT, "  %s ... %s", phase, seconds(s));
    }

    /** {@code  cholesky [#########...............] 37% 302/816 tasks, 120 tasks/s, 4.3 s left}. */
    static String jobLine(String operation, long completed, long total, double seconds) {
        double share = total == 0 ? 1 : (double) completed / total;
        int filled = (int) Math.round(share * BAR);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        var sb = new StringBuilder(String.format(Locale.ROOT, "  %s [%s] %3.0f%% %,d/%,d tasks", operation, bar, 100 * share, completed, total));
        if (completed >= total) {
            sb.append(", ").append(seconds(seconds));
        } else if (completed > 0 && seconds > 0) {
            double rate = completed / seconds;
            sb.append(String.format(Locale.ROOT, ", %s tasks/s, %s left", rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate)
                    : String.format(Locale.ROOT, "%.1f", rate), seconds((total - completed) / rate)));
        } else {
            sb.append(", ").append(seconds(seconds));
        }
        return sb.toString();
    }

    static String seconds(double s) {
        return s < 100 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }

    /** Rewrites the terminal's line, blanking what is left of a longer previous one. */
    private void show(String line) {
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        lastWidth = line.length();
        err.flush();
    }
}
