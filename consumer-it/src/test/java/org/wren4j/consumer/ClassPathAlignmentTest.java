package org.wren4j.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.consumer.ClassPathAlignment.Coordinate;

class ClassPathAlignmentTest {
    private static Coordinate c(String g, String a, String v) {
        return new Coordinate(g, a, v);
    }

    @Test
    void oneVersionPerFamilyIsAligned() {
        assertThat(ClassPathAlignment.misalignments(List.of(
                c("io.netty", "netty-common", "4.2.13.Final"), c("io.netty", "netty-handler", "4.2.13.Final"),
                c("io.netty", "netty-tcnative-boringssl-static", "2.0.70.Final"),
                c("software.amazon.awssdk", "s3", "2.51.3"), c("software.amazon.awssdk", "sqs", "2.51.3"),
                c("software.amazon.eventstream", "eventstream", "1.0.1"),
                c("org.apache.arrow", "arrow-vector", "19.0.0"), c("org.apache.arrow", "arrow-format", "19.0.0"),
                c("com.fasterxml.jackson.core", "jackson-annotations", "2.21"), c("com.fasterxml.jackson.core", "jackson-core", "2.21.0"),
                c("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310", "2.21.0")))).isEmpty();
    }

    @Test
    void mixedNettyIsNamedWithEachVersionAndItsArtifacts() {
        assertThat(ClassPathAlignment.misalignments(List.of(
                c("io.netty", "netty-common", "4.2.13.Final"), c("io.netty", "netty-handler", "4.1.118.Final"),
                c("io.netty", "netty-buffer", "4.2.13.Final"))))
                .containsExactly("io.netty artifacts in 2 versions: 4.1.118.Final [netty-handler:4.1.118.Final]; "
                        + "4.2.13.Final [netty-buffer:4.2.13.Final, netty-common:4.2.13.Final]");
    }

    @Test
    void everyFamilyIsChecked() {
        assertThat(ClassPathAlignment.misalignments(List.of(
                c("software.amazon.awssdk", "s3", "2.51.3"), c("software.amazon.awssdk", "sqs", "2.30.0"),
                c("org.apache.arrow", "arrow-vector", "19.0.0"), c("org.apache.arrow", "arrow-memory-core", "18.3.0"),
                c("com.fasterxml.jackson.core", "jackson-core", "2.21.0"), c("com.fasterxml.jackson.dataformat", "jackson-dataformat-xml", "2.18.3"))))
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).startsWith("software.amazon.awssdk"))
                .anySatisfy(m -> assertThat(m).startsWith("org.apache.arrow"))
                .anySatisfy(m -> assertThat(m).startsWith("com.fasterxml.jackson artifacts in 2 versions: 2.18"));
    }

    @Test
    void coordinatesComeFromTheRepositoryLayout() {
        Path repo = Path.of("/r");
        assertThat(Coordinate.inRepository(repo, Path.of("/r/io/netty/netty-common/4.2.13.Final/netty-common-4.2.13.Final.jar")))
                .isEqualTo(c("io.netty", "netty-common", "4.2.13.Final"));
        assertThat(Coordinate.inRepository(repo, Path.of("/r/org/bytedeco/openblas/0.3.31-1.5.13/openblas-0.3.31-1.5.13-linux-x86_64.jar")))
                .isEqualTo(c("org.bytedeco", "openblas", "0.3.31-1.5.13"));
        assertThatThrownBy(() -> Coordinate.inRepository(repo, Path.of("/elsewhere/x/y/z/a.jar")))
                .hasMessageContaining("is not in the repository /r");
    }
}
