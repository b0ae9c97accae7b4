package org.wren4j.notebooks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes one notebook headless with Jupyter's {@code nbconvert}, as a reader would run it top to
 * bottom, and keeps the executed copy. Jupyter and the kernelspec are set up by the caller
 * ({@link JupyterSetup}); this class only runs and retries.
 *
 * <p>The rapaio kernel sometimes never answers its first request (a start-up race in the kernel,
 * about one start in six); nbconvert then fails with "Kernel didn't respond" before any cell was
 * sent. That, and only that, is retried: a cell that fails or times out fails the run at once.
 */
final class NotebookRunner {
    /** nbclient's message when the kernel did not answer its first request. */
    static final String STARTUP_RACE = "Kernel didn't respond";
    /** What the rapaio kernel logs once it receives a cell to run. */
    static final String CELL_SENT = "Handling message: execute_request";

    private final Path jupyter;
    private final Path dataDir;
    private final Path outputDir;
    private final int attempts;
    private final Duration cellTimeout;
    private final Duration startupTimeout;

    NotebookRunner(Path jupyter, Path dataDir, Path outputDir, int attempts, Duration cellTimeout, Duration startupTimeout) {
        this.jupyter = requireNonNull(jupyter, "jupyter is null");
        this.dataDir = requireNonNull(dataDir, "dataDir is null");
        this.outputDir = requireNonNull(outputDir, "outputDir is null");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
        this.attempts = attempts;
        this.cellTimeout = requireNonNull(cellTimeout, "cellTimeout is null");
        this.startupTimeout = requireNonNull(startupTimeout, "startupTimeout is null");
    }

    /** One run of a notebook: the executed copy (absent when it failed), its log and how it went. */
    record Run(Path notebook, Path executed, Path log, boolean succeeded, int attempts, Duration elapsed, String lastLog) {
    }

    /**
     * Whether a failed nbconvert run failed only because the kernel never started answering: the
     * start-up race message, and no sign that any cell reached the kernel.
     */
    static boolean isStartupRace(String log) {
        return log.contains(STARTUP_RACE) && !log.contains(CELL_SENT)
                && !log.contains("CellExecutionError") && !log.contains("CellTimeoutError");
    }

    Run run(Path notebook) {
        String name = notebook.getFileName().toString();
        Path executed = outputDir.resolve(name);
        Path log = outputDir.resolve(name.replaceFirst("\\.ipynb$", "") + ".log");
        long start = System.nanoTime();
        String last = "";
        try {
            Files.createDirectories(outputDir);
            Files.deleteIfExists(executed);
            Files.writeString(log, "");
            for (int attempt = 1; attempt <= attempts; attempt++) {
                Files.writeString(log, "=== attempt " + attempt + "\n", StandardOpenOption.APPEND);
                int exit = nbconvert(notebook, log);
                last = lastAttempt(Files.readString(log));
                if (exit == 0 && Files.isRegularFile(executed)) {
                    return new Run(notebook, executed, log, true, attempt, Duration.ofNanos(System.nanoTime() - start), last);
                }
                if (!isStartupRace(last)) {
                    return new Run(notebook, executed, log, false, attempt, Duration.ofNanos(System.nanoTime() - start), last);
                }
            }
            return new Run(notebook, executed, log, false, attempts, Duration.ofNanos(System.nanoTime() - start), last);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + notebook + " failed", e);
        }
    }

    private int nbconvert(Path notebook, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
                "--ExecutePreprocessor.startup_timeout=" + startupTimeout.toSeconds(),
                "--output-dir", outputDir.toString(), notebook.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(notebook.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        // Only the kernelspec of this build, and no user configuration or runtime files.
        env.put("JUPYTER_DATA_DIR", dataDir.toString());
        env.put("JUPYTER_CONFIG_DIR", dataDir.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", dataDir.resolve("runtime").toString());
        env.remove("JUPYTER_PATH");
        Process p = pb.start();
        try {
            // nbconvert enforces the per-cell and start-up timeouts; this bounds a hung nbconvert itself
            long bound = cellTimeout.toSeconds() * 20 + startupTimeout.toSeconds();
            if (!p.waitFor(bound, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Files.writeString(log, "\nnbconvert did not finish within " + bound + " s; killed\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + notebook, e);
        }
    }

    private static String lastAttempt(String log) {
        int i = log.lastIndexOf("=== attempt ");
        return i < 0 ? log : log.substring(i);
    }
}
