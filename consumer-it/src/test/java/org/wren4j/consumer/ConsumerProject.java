package org.wren4j.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wren4j.consumer.ClassPathAlignment.Coordinate;

/**
 * A Maven project of a wren4j user's, written and built here: a repository holding the wren4j
 * artifacts this build packaged (as an install would lay them out), third-party artifacts from
 * the build's own local repository (else Maven Central), and a nested Maven that compiles the
 * project and writes its class path.
 */
final class ConsumerProject {
    static final Path ROOT = Path.of(System.getProperty("wren4j.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = required("wren4j.version");
    private static final Path OUTER = Path.of(System.getProperty("wren4j.outerRepository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    private static final Path WORK = ROOT.resolve("consumer-it").resolve("target").resolve("consumer-it");
    /** The nested builds' local repository; kept between runs so third-party jars are copied once. */
    static final Path REPOSITORY = WORK.resolve("repository");
    private static final List<String> MODULES = List.of("spi", "planner", "arrow-tiles", "serverless-exec", "api", "interop", "dev-services");
    private static boolean staged;

    private final Path dir;

    private ConsumerProject(Path dir) {
        this.dir = dir;
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("system property " + property + " is not set (the failsafe configuration sets it)");
        }
        return v;
    }

    /**
     * A project named {@code name} with the ridge regression app, these {@code <dependency>}
     * elements, and {@code management} inside {@code <dependencyManagement><dependencies>}.
     */
    static ConsumerProject create(String name, String management, String dependencies) {
        stage();
        Path dir = WORK.resolve(name);
        try {
            Files.createDirectories(dir.resolve("src/main/java/example"));
            Files.writeString(dir.resolve("pom.xml"), pom(name, management, dependencies));
            try (var app = ConsumerProject.class.getResourceAsStream("/consumer-app/RidgeApp.java")) {
                Files.copy(app, dir.resolve("src/main/java/example/RidgeApp.java"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(dir.resolve("classpath.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consumer project " + dir, e);
        }
        return new ConsumerProject(dir);
    }

    /** The wren4j artifacts of this build, laid out in {@link #REPOSITORY} as {@code mvn install} would. */
    private static synchronized void stage() {
        if (staged) {
            return;
        }
        try {
            install("wren4j-parent", ROOT.resolve("pom.xml"), null);
            install("wren4j-bom", ROOT.resolve("bom/pom.xml"), null);
            for (String m : MODULES) {
                String artifact = "wren4j-" + m;
                Path jar = ROOT.resolve(m).resolve("target").resolve(artifact + "-" + VERSION + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: the consumer IT runs after the modules are packaged");
                }
                install(artifact, ROOT.resolve(m).resolve("pom.xml"), jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the wren4j artifacts in " + REPOSITORY, e);
        }
        staged = true;
    }

    private static void install(String artifact, Path pom, Path jar) throws IOException {
        Path d = REPOSITORY.resolve("org/wren4j").resolve(artifact).resolve(VERSION);
        Files.createDirectories(d);
        Files.copy(pom, d.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, d.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String pom(String name, String management, String dependencies) {
        String outer = OUTER.toUri().toString();
        String repository = "<id>wren4j-build-repository</id><url>" + outer + "</url><snapshots><enabled>false</enabled></snapshots>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement><dependencies>%s</dependencies></dependencyManagement>
                  <dependencies>%s</dependencies>
                  <!-- the wren4j build's own downloads first, so the nested build copies rather than downloads -->
                  <repositories><repository>%s</repository></repositories>
                  <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  <build><pluginManagement><plugins>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                    <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                  </plugins></pluginManagement></build>
                </project>
                """.formatted(name, management, dependencies, repository, repository);
    }

    /** Compiles the project with a nested Maven and returns its run-time class path. */
    List<Path> build() {
        Path log = dir.resolve("build.log");
        String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
        List<String> command = List.of(Files.isExecutable(Path.of(mvn)) ? mvn : "mvn", "-B", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + REPOSITORY, "compile", "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=classpath.txt");
        int code = run(command, log, 15);
        if (code != 0) {
            throw new AssertionError("the consumer project " + dir.getFileName() + " did not build (exit " + code + "):\n" + tail(log, 3000));
        }
        try {
            String cp = Files.readString(dir.resolve("classpath.txt")).strip();
            return Arrays.stream(cp.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path's artifacts, by their place in {@link #REPOSITORY}. */
    static List<Coordinate> coordinates(List<Path> classPath) {
        return classPath.stream().map(p -> Coordinate.inRepository(REPOSITORY, p)).toList();
    }

    /** Runs the app on {@code classPath} with {@code args}; its standard output, or an AssertionError with its output. */
    String runApp(List<Path> classPath, String... args) {
        var cp = new ArrayList<String>();
        cp.add(dir.resolve("target/classes").toString());
        classPath.forEach(p -> cp.add(p.toString()));
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g", "-cp", String.join(java.io.File.pathSeparator, cp),
                "example.RidgeApp"));
        command.addAll(List.of(args));
        Path log = dir.resolve("app-" + (args.length > 1 ? "services" : "embedded") + ".log");
        int code = run(command, log, 5);
        String out = tail(log, 100_000);
        if (code != 0) {
            throw new AssertionError("the consumer app failed (exit " + code + ") with " + args.length + " arguments:\n" + tail(log, 4000));
        }
        return out;
    }

    private int run(List<String> command, Path log, int minutes) {
        try {
            var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().remove("MAVEN_ARGS");
            Process p = pb.start();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command.subList(0, 1)) + " took over " + minutes + " min in " + dir + ":\n" + tail(log, 3000));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String tail(Path log, int chars) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.substring(Math.max(0, s.length() - chars));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
