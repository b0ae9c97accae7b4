package org.wren4j.consumer;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Families of artifacts that must share one version on a class path (Netty, the AWS SDK,
 * Arrow, Jackson), and what a class path that breaks that looks like, one line per family.
 */
final class ClassPathAlignment {
    /** One artifact on a class path. */
    record Coordinate(String group, String artifact, String version) {
        Coordinate {
            requireNonNull(group, "group is null");
            requireNonNull(artifact, "artifact is null");
            requireNonNull(version, "version is null");
        }

        /** From a jar's place in a Maven repository: {@code repo/g/r/o/u/p/artifact/version/file.jar}. */
        static Coordinate inRepository(Path repository, Path jar) {
            Path rel = repository.toAbsolutePath().normalize().relativize(jar.toAbsolutePath().normalize());
            int n = rel.getNameCount();
            if (rel.startsWith("..") || n < 4) {
                throw new IllegalArgumentException(jar + " is not in the repository " + repository);
            }
            return new Coordinate(rel.subpath(0, n - 3).toString().replace(rel.getFileSystem().getSeparator(), "."),
                    rel.getName(n - 3).toString(), rel.getName(n - 2).toString());
        }
    }

    private record Family(String name, Predicate<Coordinate> member, Function<String, String> versionKey) {
    }

    private static final List<Family> FAMILIES = List.of(
            // netty-tcnative has its own release train
            new Family("io.netty", c -> c.group().equals("io.netty") && !c.artifact().startsWith("netty-tcnative"), v -> v),
            new Family("software.amazon.awssdk", c -> c.group().equals("software.amazon.awssdk"), v -> v),
            new Family("org.apache.arrow", c -> c.group().equals("org.apache.arrow"), v -> v),
            // since 2.20 jackson-annotations is versioned major.minor only ("2.21" beside "2.21.0")
            new Family("com.fasterxml.jackson", c -> c.group().startsWith("com.fasterxml.jackson"), ClassPathAlignment::majorMinor));

    private ClassPathAlignment() {
    }

    /**
     * One line per family whose members on {@code classPath} do not share a version, naming
     * each version and its artifacts; empty when all agree.
     */
    static List<String> misalignments(List<Coordinate> classPath) {
        var out = new ArrayList<String>();
        for (Family f : FAMILIES) {
            Map<String, TreeSet<String>> byVersion = new TreeMap<>();
            for (Coordinate c : classPath) {
                if (f.member().test(c)) {
                    byVersion.computeIfAbsent(f.versionKey().apply(c.version()), k -> new TreeSet<>()).add(c.artifact() + ":" + c.version());
                }
            }
            if (byVersion.size() > 1) {
                var parts = new ArrayList<String>();
                byVersion.forEach((v, artifacts) -> parts.add(v + " " + artifacts));
                out.add(f.name() + " artifacts in " + byVersion.size() + " versions: " + String.join("; ", parts));
            }
        }
        return out;
    }

    private static String majorMinor(String version) {
        String[] p = version.split("\\.");
        return p.length < 2 ? version : p[0] + "." + p[1];
    }
}
