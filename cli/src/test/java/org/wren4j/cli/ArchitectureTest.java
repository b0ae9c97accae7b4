package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
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

    /**
     * A wren4j package a user cannot rely on, named anywhere in a source file: in an import, a
     * qualified name in code or Javadoc, a string. Only api, interop and spi are public, and not
     * their {@code ...internal} packages.
     */
    private static final Pattern NON_PUBLIC = Pattern.compile(
            "org\\.wren4j\\.(?:(?:exec|planner|tiles)\\b[\\w.]*|[\\w.]*\\binternal\\b[\\w.]*)");

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

    @Test
    void sparkStaysInTheSparkModuleAboveApiAndInterop() {
        for (String module : List.of("spi", "planner", "arrow-tiles", "serverless-exec", "api", "interop", "cli")) {
            assertThat(violations(imports(module), i -> i.imported.startsWith("org.apache.spark") || i.imported.startsWith("scala.")))
                    .as("Spark in %s", module).isEmpty();
        }
        // interop.internal: the load policies (ColumnPlan, RowConverter) have one home, used by the file and the DataFrame loaders
        assertThat(violations(imports("spark"), i -> i.imported.startsWith("org.wren4j.")
                && !i.imported.matches("org\\.wren4j\\.(api|interop|interop\\.internal|spi|spark|spark\\.internal)\\.[A-Z].*"))).isEmpty();
    }

    @Test
    void cliUsesOnlyThePublicPackagesLikeAnyUser() {
        Path src = ROOT.resolve("cli/src/main/java");
        var found = new TreeSet<String>();
        int files = 0;
        try (Stream<Path> all = Files.walk(src)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                nonPublicNames(Files.readString(f)).forEach(n -> found.add(src.relativize(f) + " names " + n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as("cli sources").isGreaterThan(10);
        assertThat(found).as("cli sources naming non-public wren4j packages").isEmpty();
    }

    @Test
    void theCliCheckSeesImportsQualifiedNamesAndInternalPackages() {
        String source = String.join("\n",
                "package org.wren4j.cli;",
                "import org.wren4j.api.Wren;",
                "import org.wren4j.interop.Tables;",
                "import org.wren4j.spi.ObjectStore;",
                "import static org.wren4j.exec.services.WorkerMain.runWorker;",
                "import org.wren4j.tiles.TileStore;",
                "class X {",
                "    Object s = org.wren4j.planner.expr.Structure.SPD;",
                "    Object w = org.wren4j.api.internal.SessionWiring.class;",
                "    /** {@link org.wren4j.exec.ExecEngine} */ String apiName = \"org.wren4j.api.Wren\";",
                "    org.wren4j.executive.Fine f; org.wren4j.api.Internals i;",
                "}");
        assertThat(nonPublicNames(source)).containsExactly(
                "org.wren4j.exec.services.WorkerMain.runWorker", "org.wren4j.tiles.TileStore", "org.wren4j.planner.expr.Structure.SPD",
                "org.wren4j.api.internal.SessionWiring.class", "org.wren4j.exec.ExecEngine");
    }

    private static List<String> nonPublicNames(String source) {
        var out = new ArrayList<String>();
        Matcher m = NON_PUBLIC.matcher(source);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
