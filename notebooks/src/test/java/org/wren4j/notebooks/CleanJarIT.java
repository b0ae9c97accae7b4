package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The clean jar holds the client and the embedded engine with their libraries, and none of the
 * local servers or test code: what a notebook or a Zeppelin interpreter puts on its class path.
 */
class CleanJarIT {
    private static final Path JAR = Path.of(System.getProperty("wren4j.notebooks.dir", "")).toAbsolutePath()
            .resolve(NotebooksIT.CLEAN_JAR);

    @Test
    void holdsTheClientAndTheEngineAndNoServersOrTestCode() throws IOException {
        List<String> entries;
        String services;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
            ZipEntry slf4j = jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
            assertThat(slf4j).as("an SLF4J provider, so nothing warns about a missing one").isNotNull();
            services = new String(jar.getInputStream(slf4j).readAllBytes());
        }
        assertThat(entries).contains(
                "org/wren4j/api/Wren.class",                 // client
                "org/wren4j/interop/Tables.class",           // tables and Parquet
                "org/apache/parquet/hadoop/ParquetReader.class",
                "org/apache/arrow/vector/Float8Vector.class",
                "io/lettuce/core/RedisClient.class");        // the services backend's client
        assertThat(entries).anyMatch(e -> e.startsWith("org/wren4j/exec/"));    // the embedded engine
        assertThat(entries).anyMatch(e -> e.startsWith("org/bytedeco/openblas/") && e.contains("libopenblas"));
        assertThat(services.strip()).isEqualTo("org.slf4j.nop.NOPServiceProvider");
        // the dev-services servers, test fixtures and test libraries stay out
        assertThat(entries).noneMatch(e -> e.startsWith("org/wren4j/devservices/")
                || e.startsWith("org/gaul/") || e.startsWith("org/elasticmq/") || e.startsWith("redis/embedded/")
                || e.startsWith("org/apache/pekko/") || e.startsWith("org/eclipse/jetty/")
                || e.startsWith("org/junit/") || e.startsWith("org/assertj/")
                || e.startsWith("ch/qos/logback/")
                || e.startsWith("org/wren4j/") && (e.endsWith("Test.class") || e.endsWith("IT.class")));
        assertThat(entries).noneMatch(e -> e.endsWith(".SF") || e.endsWith(".RSA") || e.endsWith(".DSA"));
    }
}
