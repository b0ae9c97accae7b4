package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Zeppelin note is the quick start's code: the committed {@code quick-start.zpln} equals the
 * note made from {@code quick-start.ipynb}, and its {@code %java} paragraph compiles and runs
 * against the clean jar the way Zeppelin's Java interpreter runs it (one class, its
 * {@code main}), its known-answer checks included. {@code -Dwren4j.notebooks.accept=true}
 * writes the note anew after the notebook changed.
 */
class ZeppelinNoteIT {
    private static final Path HERE = Path.of(System.getProperty("wren4j.notebooks.dir", "")).toAbsolutePath();
    private static final Path NOTEBOOK = HERE.resolve("quick-start.ipynb");
    private static final Path NOTE = HERE.resolve("quick-start.zpln");
    private static final String CLASS = "QuickStart";

    @Test
    void theNoteHoldsTheQuickStartsCodeAndItRunsAsZeppelinRunsIt() throws IOException, InterruptedException {
        String made = ZeppelinNote.note(NOTEBOOK, "wren4j quick start", CLASS);
        if (Boolean.getBoolean("wren4j.notebooks.accept")) {
            Files.writeString(NOTE, made);
        }
        assertThat(NOTE).as("the committed Zeppelin note (regenerate with -Dwren4j.notebooks.accept=true)").hasContent(made.strip());

        String program = ZeppelinNote.javaParagraph(NOTE);
        assertThat(program).contains("static void check(boolean ok, String what) {").contains("public static void main(String[] args)")
                .contains("List<BlockMatrix> results = wren.compute(L, w);").doesNotContain("%jar");
        Path dir = Files.createDirectories(HERE.resolve("target/zeppelin"));
        Files.writeString(dir.resolve(CLASS + ".java"), program);
        Path jar = HERE.resolve(NotebooksIT.CLEAN_JAR);
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        run(dir, List.of(bin.resolve("javac").toString(), "-cp", jar.toString(), "-d", dir.toString(), dir.resolve(CLASS + ".java").toString()));
        String out = run(dir, List.of(bin.resolve("java").toString(), "-cp", dir + java.io.File.pathSeparator + jar, CLASS));
        assertThat(out).contains("‖L Lᵀ − G‖ / ‖G‖").contains("ShapeException: matmul: shapes 50x8 and 50x8 do not align")
                .contains("reopened XᵀX differs from the loops' by")
                .contains("\n%html <div class=\"wren4j-matrix\"").contains("\n%html <div class=\"wren4j-job\"");
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(ended && p.exitValue() == 0).as("%s exited %s:%n%s", command.get(0), ended ? p.exitValue() : "(timed out)", out).isTrue();
        return out;
    }
}
