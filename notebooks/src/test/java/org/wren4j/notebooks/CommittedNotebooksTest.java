package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks as committed: they carry the outputs of a clean run (so they read well on a code
 * host) and load wren4j the one documented way. {@link NotebooksIT} re-executes them.
 */
class CommittedNotebooksTest {
    private static final Path HERE = Path.of("").toAbsolutePath();

    @Test
    void everyCommittedNotebookCarriesTheOutputsOfACleanRun() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(HERE)) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).isNotEmpty();
        for (Path nb : notebooks) {
            assertThat(NotebookFile.read(nb).problems()).as(nb.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void aNotebookWithAnErrorAnUnrunCellOrClasspathNoiseIsReported(@TempDir Path dir) throws IOException {
        Path nb = dir.resolve("bad.ipynb");
        Files.writeString(nb, """
                {"metadata": {"kernelspec": {"name": "java"}},
                 "cells": [
                  {"cell_type": "code", "execution_count": 1, "source": ["%jar ../lib"],
                   "outputs": [{"output_type": "stream", "name": "stdout",
                                "text": ["Add a.jar to classpath\\n", "Add b.jar to classpath\\n"]}]},
                  {"cell_type": "markdown", "source": "text"},
                  {"cell_type": "code", "execution_count": null, "source": "x", "outputs": []},
                  {"cell_type": "code", "execution_count": 3, "source": "y",
                   "outputs": [{"output_type": "error", "ename": "AssertionError", "evalue": "wrong answer", "traceback": []},
                               {"output_type": "stream", "name": "stderr", "text": "SLF4J: no providers\\n"},
                               {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                                "data": {"text/html": "java.io.PrintStream@5e688021"}}]}
                 ],
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        assertThat(NotebookFile.read(nb).problems()).containsExactly(
                "kernelspec is 'java', not 'rapaio-jupyter-kernel'",
                "the first code cell must be '%jar target/wren4j-notebooks.jar'",
                "cell 1: prints 2 'to classpath' lines; loading wren4j must print one",
                "cell 3: not executed",
                "cell 4: shows an error: AssertionError: wrong answer",
                "cell 4: prints to stderr: SLF4J: no providers",
                "cell 4: echoes a PrintStream (a printf as the cell's last statement)");
    }
}
