package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.planner.plan.Dense.random;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Manifests written by the previous build (format 1, one {@code structure} text) still open: the
 * matrix reads back with the tiles the text implies, its info reads as before, and saving it again
 * writes the typed fields (format 2).
 */
class LegacyManifestTest {
    @TempDir
    Path dir;
    private double[][] gram;
    private double[][] factor;
    private double[][] upper;

    private Wren session() {
        return Wren.builder().workers(2).storeDirectory(dir).build();
    }

    /** "full": a symmetric matrix with every tile stored; "gram": its lower tiles only; "factor"/"upper": triangles only. */
    @BeforeEach
    void storeMatrices() {
        try (Wren w = session()) {
            BlockMatrix g = w.fromArray(random(30, 24, 5), 8).gram().save("gram");
            gram = g.toArray();
            w.fromArray(gram, 8).save("full");
            BlockMatrix l = g.plus(w.eye(24, 8).times(2.0)).cholesky().save("factor");
            factor = l.toArray();
            upper = l.T().save("upper").toArray();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            general                     | full
            symmetric                   | full
            psd                         | full
            spd                         | full
            lower-triangular            | factor
            upper-triangular            | upper
            symmetric; lower tiles only | gram
            psd; lower tiles only       | gram
            spd; lower tiles only       | gram
            """)
    void aFormat1ManifestOpensReadsItsTilesAndIsSavedAsFormat2(String structure, String matrix) {
        writeFormat1(matrix, structure);
        Map<String, double[][]> expected = Map.of("full", gram, "gram", gram, "factor", factor, "upper", upper);
        try (Wren w = session()) {
            assertThat(w.info(matrix).structure()).isEqualTo(structure);
            BlockMatrix opened = w.open(matrix);
            // "lower tiles only" read as all tiles would fail on the first missing tile above the diagonal
            assertThat(opened.toArray()).isEqualTo(expected.get(matrix));
            opened.save("again/" + matrix);
            assertThat(manifestJson("again/" + matrix)).contains("\"format\":2", "\"kind\":").doesNotContain("\"structure\"");
            assertThat(w.info("again/" + matrix).structure()).isEqualTo(structure);
        }
    }

    @Test
    void aSymmetricKindFromAFormat1ManifestStillLetsSolveUseCholesky() {
        writeFormat1("gram", "psd; lower tiles only");
        try (Wren w = session()) {
            assertThat(w.open("gram").plus(w.eye(24, 8).times(2.0)).cholesky().toArray()).isEqualTo(factor);
        }
    }

    @Test
    void anUnknownFormat1StructureFailsNamingTheMatrix() {
        writeFormat1("full", "banded");
        try (Wren w = session()) {
            assertThatThrownBy(() -> w.open("full"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("matrix full")
                    .hasMessageContaining("structure 'banded'")
                    .hasMessageContaining("known: general, lower-triangular, upper-triangular, symmetric, psd, spd");
        }
    }

    @Test
    void aFormat2ManifestWithAKindThisBuildDoesNotKnowFailsNamingTheMatrix() {
        Path file = manifestFile("full");
        rewrite(file, manifestJson("full").replace("\"kind\":\"general\"", "\"kind\":\"banded\""));
        try (Wren w = session()) {
            assertThatThrownBy(() -> w.open("full"))
                    .isInstanceOf(WrenException.class)
                    .hasMessageContaining("cannot open matrix full: unknown matrix structure 'banded'");
        }
    }

    /** Rewrites the manifest of {@code matrix} exactly as the previous build wrote it. */
    private void writeFormat1(String matrix, String structure) {
        String json = manifestJson(matrix);
        String old = json.replace("\"format\":2", "\"format\":1")
                .replaceFirst("\"kind\":\"[^\"]*\",\"storedTiles\":\"[^\"]*\"", "\"structure\":\"" + structure + "\"");
        assertThat(old).contains("\"format\":1", "\"structure\":").doesNotContain("\"kind\"", "\"storedTiles\"");
        rewrite(manifestFile(matrix), old);
    }

    private String manifestJson(String matrix) {
        try {
            return Files.readString(manifestFile(matrix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path manifestFile(String matrix) {
        Path suffix = Path.of(matrix, "manifest.json");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.endsWith(suffix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(Path file, String json) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
