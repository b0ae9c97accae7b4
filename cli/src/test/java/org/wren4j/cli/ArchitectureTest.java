package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of DESIGN.md, checked on the sources: dependencies run one way and
 * third-party types stay inside their package.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)");

    private record Import(Path file, String pkg, String imported) {
    }

    private static List<Import> imports(String module) {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        assertThat(src).as("sources of module %s", module).isDirectory();
        var out = new ArrayList<Import>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = "";
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("package ")) {
                        pkg = line.substring(8, line.indexOf(';'));
                    }
                    var m = IMPORT.matcher(line);
                    if (m.find()) {
                        out.add(new Import(src.relativize(f), pkg, m.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).as("imports of %s", module).isNotEmpty();
        return out;
    }

    private static List<String> violations(List<Import> imports, java.util.function.Predicate<Import> bad) {
        return imports.stream().filter(bad).map(i -> i.file + " imports " + i.imported).toList();
    }

    @Test
    void plannerUsesTheJdkOnly() {
        assertThat(violations(imports("planner"), i -> !i.imported.startsWith("java.") && !i.imported.startsWith("org.wren4j.planner")))
                .isEmpty();
    }

    @Test
    void spiUsesTheJdkOnly() {
        assertThat(violations(imports("spi"), i -> !i.imported.startsWith("java.") && !i.imported.startsWith("org.wren4j.spi")))
                .isEmpty();
    }

    @Test
    void tilesKnowNothingAboveThem() {
        assertThat(violations(imports("arrow-tiles"), i -> i.imported.startsWith("org.wren4j.") && !i.imported.matches("org\\.wren4j\\.(tiles|spi)\\..*")))
                .isEmpty();
        assertThat(violations(imports("arrow-tiles"), i -> i.imported.startsWith("software.amazon") && !i.pkg.matches(".*\\.(s3|aws)(\\..*)?")))
                .isEmpty();
    }

    @Test
    void execDependsOnPlannerAndTilesOnlyAndKeepsNd4jInKernels() {
        List<Import> exec = imports("serverless-exec");
        assertThat(violations(exec, i -> i.imported.startsWith("org.wren4j.") && !i.imported.matches("org\\.wren4j\\.(exec|planner|tiles|spi)\\..*")))
                .isEmpty();
        assertThat(violations(exec, i -> (i.imported.startsWith("org.nd4j") || i.imported.startsWith("org.bytedeco"))
                && !i.pkg.equals("org.wren4j.exec.kernels"))).isEmpty();
        assertThat(violations(exec, i -> i.imported.startsWith("io.lettuce") && !i.pkg.contains(".redis"))).isEmpty();
        assertThat(violations(exec, i -> i.imported.startsWith("software.amazon") && !i.pkg.matches(".*\\.(s3|aws|sqs|lambda)(\\..*)?")))
                .isEmpty();
    }

    @Test
    void apiAndCliStayAboveTheRuntime() {
        assertThat(violations(imports("api"), i -> i.imported.startsWith("org.nd4j") || i.imported.startsWith("org.bytedeco")
                || i.imported.startsWith("org.wren4j.cli") || i.imported.startsWith("org.wren4j.interop"))).isEmpty();
        assertThat(violations(imports("cli"), i -> i.imported.startsWith("org.nd4j") || i.imported.startsWith("org.bytedeco")
                || i.imported.startsWith("org.wren4j.exec.kernels"))).isEmpty();
    }
}
