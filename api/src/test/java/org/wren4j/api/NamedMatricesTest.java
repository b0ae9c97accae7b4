package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.planner.plan.Dense.random;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.tiles.TileStore;

/** Manifests, save / open / list / delete, across sessions that share a store directory. */
class NamedMatricesTest {
    @TempDir
    Path dir;

    private Wren session() {
        return Wren.builder().workers(2).storeDirectory(dir).build();
    }

    @Test
    void aMatrixSavedByOneSessionOpensBitExactInTheNextAndOnlySavedNamesRemain() {
        double[][] a = random(37, 23, 1);
        double[][] b = random(23, 19, 2);
        double[][] product;
        try (Wren w = session()) {
            BlockMatrix ma = w.fromArray(a, 8);
            BlockMatrix saved = ma.matmul(w.fromArray(b, 8)).save("results/product");
            assertThat(saved.name()).isEqualTo("results/product");
            ma.save("a");
            w.fromArray(b, 8).save("b");
            product = saved.toArray();
            assertThat(w.list()).contains("a", "b", "results/product").hasSizeGreaterThan(3); // and the session's scratch
        }
        try (Wren w = session()) {
            assertThat(w.list()).containsExactly("a", "b", "results/product");
            BlockMatrix a2 = w.open("a");
            assertThat(a2.rows()).isEqualTo(37);
            assertThat(a2.cols()).isEqualTo(23);
            assertThat(a2.blockSize()).isEqualTo(8);
            assertThat(a2.toArray()).isEqualTo(a);
            assertThat(w.open("results/product").toArray()).isEqualTo(product);
            // computing on opened matrices gives the same bits as in the first session
            assertThat(a2.matmul(w.open("b")).toArray()).isEqualTo(product);
            MatrixInfo info = w.info("results/product");
            assertThat(info.structure()).isEqualTo("general");
            assertThat(info.creator()).contains("pid").contains("saved from");
        }
    }

    @Test
    void aSessionOnAGivenTileStoreKeepsItsScratchUnlessAskedToDeleteIt() {
        for (boolean delete : new boolean[] {false, true}) {
            var memory = new org.wren4j.tiles.MemoryObjectStore();
            // a bucket outlives the sessions that close their handle on it
            var objects = new org.wren4j.tiles.ForwardingObjectStore(memory) {
                @Override
                public void close() {
                }
            };
            var builder = Wren.builder().workers(2).objectStore(objects, "w");
            if (delete) {
                builder.deleteScratchOnClose(true);
            }
            try (Wren w = builder.build()) {
                BlockMatrix a = w.fromArray(random(20, 20, 4), 8);
                a.matmul(a).compute();
                a.save("kept");
                assertThat(w.list()).contains("kept").hasSizeGreaterThan(1);
            }
            try (Wren w = Wren.builder().workers(1).objectStore(objects, "w").build()) {
                if (delete) {
                    assertThat(w.list()).containsExactly("kept");
                } else {
                    assertThat(w.list()).contains("kept").hasSizeGreaterThan(1);
                }
            }
        }
    }

    @Test
    void symmetricResultsKeepLowerTilesOnlyAndReopenAsTheFullMatrix() {
        double[][] x = random(40, 24, 3);
        double[][] gram;
        double[][] factor;
        try (Wren w = session()) {
            BlockMatrix g = w.fromArray(x, 8).gram().save("gram");
            gram = g.toArray();
            factor = g.plus(w.eye(24, 8).times(2.0)).cholesky().save("factor").toArray();
        }
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                assertThat(gram[i][j]).isEqualTo(gram[j][i]);
            }
        }
        try (TileStore tiles = TileStore.inDirectory(dir)) {
            // a 3 x 3 tile grid: 6 tiles on and below the diagonal
            assertThat(tiles.listMatrixKeys("gram").toCompletableFuture().join()).hasSize(6);
            assertThat(tiles.listMatrixKeys("factor").toCompletableFuture().join()).hasSize(6);
        }
        try (Wren w = session()) {
            assertThat(w.info("gram").structure()).isEqualTo("psd; lower tiles only");
            assertThat(w.info("factor").structure()).isEqualTo("lower-triangular");
            BlockMatrix g = w.open("gram");
            assertThat(g.toArray()).isEqualTo(gram);
            assertThat(w.open("factor").toArray()).isEqualTo(factor);
            // still known to be PSD: the same shifted Cholesky as before
            assertThat(g.plus(w.eye(24, 8).times(2.0)).cholesky().toArray()).isEqualTo(factor);
        }
    }

    @Test
    void everyStoredMatrixGetsAManifest() {
        try (Wren w = Wren.builder().workers(2).build()) {
            BlockMatrix spd = w.randomSpd(20, 8, 7);
            BlockMatrix l = spd.cholesky().compute();
            BlockMatrix written;
            try (MatrixWriter mw = w.matrixWriter(3, 8)) {
                mw.appendRow(new double[] {1, 2, 3});
                written = mw.finish();
            }
            assertThat(w.list()).contains(spd.name(), l.name(), written.name());
            assertThat(w.info(spd.name()).structure()).isEqualTo("spd");
            assertThat(w.info(spd.name()).creator()).endsWith("randomSpd seed 7");
            assertThat(w.info(l.name()).structure()).isEqualTo("lower-triangular");
            assertThat(w.info(l.name()).creator()).contains("job: cholesky");
            assertThat(w.info(written.name())).extracting(MatrixInfo::rows, MatrixInfo::cols).containsExactly(1L, 3L);
        }
    }

    @Test
    void openingAMissingNameListsWhatThereIs() {
        try (Wren w = session()) {
            assertThatThrownBy(() -> w.open("nope")).isInstanceOf(WrenException.class)
                    .hasMessageContaining("no matrix named 'nope'").hasMessageContaining("holds no named matrices");
            w.fromArray(random(4, 4, 5), 2).save("alpha");
            w.fromArray(random(4, 4, 6), 2).save("beta");
            assertThatThrownBy(() -> w.open("gamma")).isInstanceOf(WrenException.class)
                    .hasMessageContaining("no matrix named 'gamma'").hasMessageContaining("available: alpha, beta, ");
            assertThatThrownBy(() -> w.open("../up")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid matrix name");
            assertThatThrownBy(() -> w.info("gamma")).isInstanceOf(WrenException.class).hasMessageContaining("no matrix named 'gamma'");
            w.delete("alpha");
            assertThatThrownBy(() -> w.open("alpha")).isInstanceOf(WrenException.class).hasMessageContaining("available: beta");
        }
    }

    @Test
    void savingOverADifferentMatrixIsRefusedUnlessAsked() {
        double[][] a = random(10, 6, 8);
        double[][] b = random(10, 6, 9);
        try (Wren w = session()) {
            w.fromArray(a, 4).save("m");
            // the same values again: fine
            assertThat(w.fromArray(a, 4).save("m").toArray()).isEqualTo(a);
            assertThatThrownBy(() -> w.fromArray(b, 4).save("m")).isInstanceOf(WrenException.class)
                    .hasMessageContaining("matrix 'm' already exists").hasMessageContaining("with different values")
                    .hasMessageContaining("SaveOptions.replacing()");
            assertThatThrownBy(() -> w.fromArray(random(6, 6, 1), 4).save("m")).isInstanceOf(WrenException.class)
                    .hasMessageContaining("already exists").hasMessageContaining("as 10x6 in 4x4 blocks");
            assertThat(w.open("m").toArray()).isEqualTo(a);
            w.fromArray(b, 4).save("m", SaveOptions.replacing());
            assertThat(w.open("m").toArray()).isEqualTo(b);
            assertThatThrownBy(() -> w.fromArray(a, 4).save("bad name")).isInstanceOf(IllegalArgumentException.class);
        }
        try (Wren w = session()) {
            assertThat(w.open("m").toArray()).isEqualTo(b);
        }
    }

    @Test
    void columnNamesTravelWithTheMatrix() {
        try (Wren w = session()) {
            BlockMatrix t;
            try (MatrixWriter mw = w.matrixWriter(3, 2)) {
                mw.columnNames(List.of("x", "y\nwith newline", "z\\"));
                for (int r = 0; r < 5; r++) {
                    mw.appendRow(new double[] {r, r + 0.5, -r});
                }
                t = mw.finish();
            }
            t.save("table");
            t.save("renamed", SaveOptions.defaults().withColumnNames(List.of("p", "q", "r")));
            assertThatThrownBy(() -> t.save("short", SaveOptions.defaults().withColumnNames(List.of("p"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns but 1 column names");
            w.fromArray(new double[][] {{1, 2}}, 2).save("plain");
        }
        try (Wren w = session()) {
            assertThat(w.info("table").columnNames()).containsExactly("x", "y\nwith newline", "z\\");
            assertThat(w.info("renamed").columnNames()).containsExactly("p", "q", "r");
            assertThat(w.info("plain").columnNames()).isEmpty();
            // a deleted matrix's names never stick to a new one of the same name
            w.delete("table");
            w.fromArray(new double[][] {{1, 2, 3}}, 2).save("table");
            assertThat(w.info("table").columnNames()).isEmpty();
        }
    }
}
