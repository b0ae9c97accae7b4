package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The manifest's typed kind and stored tiles: written as format 2, and format 1's structure text still read. */
class MatrixManifestTest {
    private static final String STORE = "memory store";

    @ParameterizedTest
    @EnumSource(StoredTiles.class)
    void kindAndStoredTilesRoundTripThroughTheJson(StoredTiles tiles) {
        MatrixManifest written = MatrixManifest.of("m/a", 12, 12, 4, 4).withStructure("psd", tiles);

        MatrixManifest read = MatrixManifest.fromJson("m/a", STORE, written.toJson());

        assertThat(read).isEqualTo(written);
        assertThat(read.kind()).isEqualTo("psd");
        assertThat(read.storedTiles()).isEqualTo(tiles);
        assertThat(new String(written.toJson(), StandardCharsets.UTF_8))
                .contains("\"format\":2", "\"kind\":\"psd\"", "\"storedTiles\":\"" + tiles.label() + "\"")
                .doesNotContain("\"structure\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            general                              | general          | ALL
            lower-triangular                     | lower-triangular | LOWER_TRIANGLE
            upper-triangular                     | upper-triangular | UPPER_TRIANGLE
            symmetric                            | symmetric        | ALL
            psd                                  | psd              | ALL
            spd                                  | spd              | ALL
            symmetric; lower tiles only          | symmetric        | LOWER_MIRRORED
            psd; lower tiles only                | psd              | LOWER_MIRRORED
            spd; lower tiles only                | spd              | LOWER_MIRRORED
            """)
    void aFormat1ManifestOpensWithTypedFieldsAndIsWrittenBackAsFormat2(String structure, String kind, StoredTiles tiles) {
        MatrixManifest read = MatrixManifest.fromJson("old/a", STORE, format1("old/a", structure));

        assertThat(read.kind()).isEqualTo(kind);
        assertThat(read.storedTiles()).isEqualTo(tiles);
        assertThat(read.structureText()).isEqualTo(structure); // people read what they read before
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        String rewritten = new String(read.toJson(), StandardCharsets.UTF_8);
        assertThat(rewritten).contains("\"format\":2", "\"kind\":\"" + kind + "\"").doesNotContain("\"structure\"");
        assertThat(MatrixManifest.fromJson("old/a", STORE, read.toJson())).isEqualTo(read);
    }

    @Test
    void anUnknownFormat1StructureFailsNamingTheMatrixAndTheText() {
        assertThatThrownBy(() -> MatrixManifest.fromJson("old/b", STORE, format1("old/b", "banded")))
                .isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("matrix old/b in memory store")
                .hasMessageContaining("structure 'banded'")
                .hasMessageContaining("known: general, lower-triangular");
        assertThatThrownBy(() -> MatrixManifest.fromJson("old/c", STORE, format1("old/c", "general; lower tiles only")))
                .isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("matrix old/c")
                .hasMessageContaining("only a symmetric matrix can keep lower tiles only");
    }

    @Test
    void anUnknownStoredTilesLabelOrAMirroredNonSquareMatrixIsRefused() {
        String json = new String(MatrixManifest.of("n", 4, 4, 2, 2).toJson(), StandardCharsets.UTF_8).replace("\"all\"", "\"diagonal\"");
        assertThatThrownBy(() -> MatrixManifest.fromJson("n", STORE, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("matrix n")
                .hasMessageContaining("unknown stored tiles 'diagonal'");
        assertThatThrownBy(() -> MatrixManifest.of("r", 4, 3, 2, 2).withStructure("symmetric", StoredTiles.LOWER_MIRRORED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix r: only a square matrix");
        assertThatThrownBy(() -> MatrixManifest.of("k", 4, 4, 2, 2).withStructure("SPD!", StoredTiles.ALL))
                .hasMessageContaining("kind must be a lowercase label");
    }

    @Test
    void storedTilesSayWhichTilesAreObjects() {
        assertThat(StoredTiles.LOWER_TRIANGLE.isZeroTile(0, 1)).isTrue();
        assertThat(StoredTiles.LOWER_TRIANGLE.isZeroTile(1, 0)).isFalse();
        assertThat(StoredTiles.UPPER_TRIANGLE.isZeroTile(1, 0)).isTrue();
        assertThat(StoredTiles.LOWER_MIRRORED.isMirroredTile(0, 1)).isTrue();
        assertThat(StoredTiles.LOWER_MIRRORED.isStoredTile(0, 1)).isFalse();
        assertThat(StoredTiles.LOWER_MIRRORED.isStoredTile(1, 1)).isTrue();
        assertThat(StoredTiles.ALL.isStoredTile(0, 1)).isTrue();
        for (StoredTiles t : StoredTiles.values()) {
            assertThat(StoredTiles.fromLabel(t.label())).isEqualTo(t);
        }
    }

    /** A manifest exactly as the previous build wrote it. */
    private static byte[] format1(String name, String structure) {
        return ("{\"format\":1,\"name\":\"" + name + "\",\"rows\":6,\"cols\":6,\"blockRows\":3,\"blockCols\":3,\"dtype\":\"float64\","
                + "\"structure\":\"" + structure + "\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"creator\":\"ann@host pid 42\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
