package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook of this folder headless, top to bottom, with Debian's Jupyter and the
 * rapaio Java kernel, against the clean jar this module builds. Each notebook states its known
 * answers in cells that throw when they are wrong, so a run that completes has checked them; this
 * test fails on any cell error, on noise while loading wren4j, and when Jupyter is missing (it
 * never skips). The executed copies, outputs and pictures included, are kept in
 * {@code target/executed/}, with each run's log and the run times in {@code timings.txt}.
 *
 * <p>{@code -Dwren4j.notebooks.accept=true} copies the executed notebooks over the committed ones
 * (absolute paths of this folder in their outputs made relative), the way to commit a notebook
 * with the outputs of a clean run.
 */
class NotebooksIT {
    /** The clean jar, relative to the notebooks' folder: what each notebook's first cell loads. */
    static final String CLEAN_JAR = "target/wren4j-notebooks.jar";
    /** Start-up races seen are one start in about six; three attempts make a spurious failure rare. */
    private static final int ATTEMPTS = 4;

    private static final Path HERE = Path.of(System.getProperty("wren4j.notebooks.dir", "")).toAbsolutePath();
    private static final Path TARGET = HERE.resolve("target");
    private static final Path EXECUTED = TARGET.resolve("executed");
    private static final Path JUPYTER = Path.of(System.getProperty("wren4j.notebooks.jupyter", "/usr/bin/jupyter"));
    private static final Path DATA_DIR = Path.of(System.getProperty("wren4j.notebooks.jupyterData", TARGET.resolve("jupyter").toString()));
    private static final Path KERNEL_JAR = Path.of(System.getProperty("wren4j.notebooks.kernelJar",
            DATA_DIR.resolve("kernel/rapaio-jupyter-kernel.jar").toString()));

    @BeforeAll
    static void jupyterAndTheKernel() throws IOException {
        JupyterSetup.requireJupyter(JUPYTER);
        JupyterSetup.installKernel(DATA_DIR, KERNEL_JAR, Path.of(System.getProperty("java.home")));
        assertThat(HERE.resolve(CLEAN_JAR)).as("the clean jar (built in 'package')").isRegularFile();
        Files.createDirectories(EXECUTED);
        Files.writeString(EXECUTED.resolve("timings.txt"), "");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndItsKnownAnswersHold() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(HERE)) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).as("notebooks in %s", HERE).isNotEmpty();
        var runner = new NotebookRunner(JUPYTER, DATA_DIR, EXECUTED, ATTEMPTS, Duration.ofSeconds(180), Duration.ofSeconds(15));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            NotebookRunner.Run run = runner.run(nb);
            String line = String.format(Locale.ROOT, "%-28s %6.1f s  %s, %d attempt(s)%n", nb.getFileName(),
                    run.elapsed().toMillis() / 1000.0, run.succeeded() ? "ok" : "FAILED", run.attempts());
            System.out.print(line);
            Files.writeString(EXECUTED.resolve("timings.txt"), line, StandardOpenOption.APPEND);
            assertThat(run.succeeded())
                    .as("%s failed (log %s); its last attempt:%n%s", nb.getFileName(), run.log(), tail(run.lastLog(), 60))
                    .isTrue();
            assertThat(NotebookFile.read(run.executed()).problems()).as("the executed %s", nb.getFileName()).isEmpty();
            if (nb.getFileName().toString().equals("quick-start.ipynb")) {
                // a cell ending in a matrix or a job report shows its HTML card (the display provider in the clean jar)
                String executed = Files.readString(run.executed());
                assertThat(executed).as("quick start's cards").contains("\"text/html\"").contains("wren4j-matrix").contains("wren4j-job");
            }
            if (nb.getFileName().toString().equals("elastic-cholesky.ipynb")) {
                // the job's report with its lanes, and the picture drawn from it
                String executed = Files.readString(run.executed());
                assertThat(executed).as("the elastic Cholesky's report and picture").contains("wren4j-job").contains("\"image/png\"");
            }
            if (Boolean.getBoolean("wren4j.notebooks.accept")) {
                String text = Files.readString(run.executed()).replace(HERE + "/", "");
                Files.writeString(nb, text);
            }
        }));
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().filter(l -> !l.contains("[INFO   ]")).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
