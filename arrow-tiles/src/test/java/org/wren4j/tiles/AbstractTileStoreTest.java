package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wren4j.spi.ObjectStore;

/** The {@link TileStore} behaviour over every backend. */
public abstract class AbstractTileStoreTest {
    protected TileStore tiles;

    /** A fresh, empty object store. */
    protected abstract ObjectStore createObjectStore() throws Exception;

    /** A second client of the same stored data, as another process would open it. */
    protected abstract ObjectStore secondClient() throws Exception;

    @BeforeEach
    void open() throws Exception {
        tiles = new TileStore(createObjectStore(), "wren4j");
    }

    @AfterEach
    void close() {
        tiles.close();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "5,3", "1,17", "17,1", "128,96", "0,0", "0,4"})
    void tilesRoundTrip(int rows, int cols) {
        TileKey key = TileKey.of("A", 1, 2);
        Tile tile = Tiles.random(rows, cols, 1000L + rows * 31L + cols);
        join(tiles.write(key, tile));
        assertThat(Tiles.sameBits(join(tiles.read(key)), tile)).isTrue();
        assertThat(join(tiles.read(key, rows, cols)).rows()).isEqualTo(rows);
    }

    @Test
    void specialValuesSurviveTheStore() {
        Tile tile = Tiles.special(31, 7);
        join(tiles.write(TileKey.of("S", 0, 0), tile));
        assertThat(Tiles.sameBits(join(tiles.read(TileKey.of("S", 0, 0))), tile)).isTrue();
    }

    @Test
    void versionedKeysAreDistinctTiles() {
        join(tiles.write(new TileKey("V", 0, 1, 1), Tiles.random(2, 2, 1)));
        join(tiles.write(new TileKey("V", 1, 1, 1), Tiles.random(2, 2, 2)));
        assertThat(join(tiles.read(new TileKey("V", 1, 1, 1)))).isEqualTo(Tiles.random(2, 2, 2));
    }

    @Test
    void rewritingIdenticalContentsSucceedsAndDifferentContentsConflict() {
        TileKey key = TileKey.of("W", 0, 0);
        join(tiles.write(key, Tiles.random(4, 4, 1)));
        join(tiles.write(key, Tiles.random(4, 4, 1)));
        assertThatThrownBy(() -> join(tiles.write(key, Tiles.random(4, 4, 2))))
                .isInstanceOf(TileConflictException.class).hasMessageContaining("W[0, 0]").hasMessageContaining("matrix W");
        assertThat(join(tiles.read(key))).isEqualTo(Tiles.random(4, 4, 1));
    }

    @Test
    void concurrentWritersOfTheSameValuesAllSucceed() throws Exception {
        List<Object> outcomes = race(TileKey.of("C", 0, 0), w -> Tiles.random(64, 64, 5));
        assertThat(outcomes).allMatch(o -> o == null);
        assertThat(join(tiles.read(TileKey.of("C", 0, 0)))).isEqualTo(Tiles.random(64, 64, 5));
    }

    @Test
    void concurrentWritersOfDifferentValuesHaveOneWinnerAndTheRestConflict() throws Exception {
        List<Object> outcomes = race(TileKey.of("D", 0, 0), w -> Tiles.random(64, 64, 100 + w));
        long winners = outcomes.stream().filter(o -> o == null).count();
        assertThat(winners).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o != null).allMatch(o -> o instanceof TileConflictException);
        int winner = outcomes.indexOf(null);
        assertThat(join(tiles.read(TileKey.of("D", 0, 0)))).isEqualTo(Tiles.random(64, 64, 100 + winner));
    }

    /** Runs 6 writers at once; returns null for a success or the failure, per writer. */
    private List<Object> race(TileKey key, java.util.function.IntFunction<Tile> tileOf) throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<Object>>();
            for (int w = 0; w < writers; w++) {
                Tile mine = tileOf.apply(w);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        join(tiles.write(key, mine));
                        return null;
                    } catch (TileException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingTileNamesMatrixTileAndStore() {
        assertThatThrownBy(() -> join(tiles.read(TileKey.of("M", 3, 4)))).isInstanceOf(MissingTileException.class)
                .hasMessageContaining("M[3, 4]").hasMessageContaining("matrix M").hasMessageContaining(tiles.objects().describe());
    }

    @Test
    void corruptedStoredBytesAreDetected() {
        TileKey key = TileKey.of("X", 0, 0);
        join(tiles.write(key, Tiles.random(8, 8, 1)));
        String objectKey = tiles.objectKey(key);
        byte[] bytes = join(tiles.objects().get(objectKey)).orElseThrow();
        bytes[bytes.length - 20] ^= 4;
        join(tiles.objects().put(objectKey, bytes));
        assertThatThrownBy(() -> join(tiles.read(key))).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("X[0, 0]");
        join(tiles.objects().put(objectKey, java.util.Arrays.copyOf(bytes, bytes.length / 2)));
        assertThatThrownBy(() -> join(tiles.read(key))).isInstanceOf(CorruptTileException.class).hasMessageContaining("truncated");
    }

    @Test
    void existsAndDelete() {
        TileKey key = TileKey.of("E", 0, 0);
        assertThat(join(tiles.exists(key))).isFalse();
        join(tiles.write(key, Tiles.random(2, 3, 1)));
        assertThat(join(tiles.exists(key))).isTrue();
        join(tiles.delete(key));
        assertThat(join(tiles.exists(key))).isFalse();
    }

    @Test
    void matricesAreCreatedOpenedListedAndDeletedByName() throws Exception {
        MatrixManifest a = MatrixManifest.of("jobs/A", 10, 7, 4, 3).withStructure("symmetric", StoredTiles.ALL);
        join(tiles.createMatrix(a));
        join(tiles.createMatrix(MatrixManifest.of("B", 1, 1, 1, 1)));
        StoredMatrix m = tiles.matrix(a);
        double[][] values = new double[10][7];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 7; c++) {
                values[r][c] = r * 7 + c + 0.5;
            }
        }
        join(m.writeAll(values));

        try (var other = new TileStore(secondClient(), "wren4j")) {
            MatrixManifest opened = join(other.openMatrix("jobs/A"));
            assertThat(opened).isEqualTo(a);
            assertThat(join(other.matrix(opened).readAll())).isDeepEqualTo(values);
            assertThat(join(other.listMatrices())).containsExactly("B", "jobs/A");
        }
        assertThat(join(tiles.listMatrixKeys("jobs/A"))).hasSize(9);
        join(tiles.deleteMatrix("jobs/A"));
        assertThat(join(tiles.listMatrixKeys("jobs/A"))).isEmpty();
        assertThat(join(tiles.listMatrices())).containsExactly("B");
        assertThatThrownBy(() -> join(tiles.openMatrix("jobs/A"))).isInstanceOf(MissingMatrixException.class)
                .hasMessageContaining("jobs/A").hasMessageContaining(tiles.objects().describe());
    }

    @Test
    void creatingAnExistingMatrixIsIdempotentOnlyForTheSameLayout() {
        MatrixManifest first = MatrixManifest.of("G", 100, 100, 10, 10);
        join(tiles.createMatrix(first));
        MatrixManifest again = MatrixManifest.of("G", 100, 100, 10, 10);
        assertThat(join(tiles.createMatrix(again)).createdAt()).isEqualTo(first.createdAt());
        assertThatThrownBy(() -> join(tiles.createMatrix(MatrixManifest.of("G", 100, 100, 20, 20))))
                .isInstanceOf(TileConflictException.class).hasMessageContaining("matrix G").hasMessageContaining("10x10 blocks")
                .hasMessageContaining("20x20 blocks");
    }

    @Test
    void unreadableManifestIsReportedWithTheMatrixName() {
        join(tiles.objects().put("wren4j/Q/manifest.json", "{\"format\": 1, \"name\": ".getBytes()));
        assertThatThrownBy(() -> join(tiles.openMatrix("Q"))).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("manifest of matrix Q").hasMessageContaining("malformed JSON");
    }

    @Test
    void storedMatrixChecksTileShapes() {
        MatrixManifest m = join(tiles.createMatrix(MatrixManifest.of("R", 10, 7, 4, 3)));
        StoredMatrix sm = tiles.matrix(m);
        assertThatThrownBy(() -> sm.write(2, 2, Tile.zeros(4, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R[2, 2]").hasMessageContaining("wrong shape 4x3, expected 2x1");
        assertThatThrownBy(() -> sm.write(3, 0, Tile.zeros(4, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
        join(tiles.write(m.tileKey(2, 2), Tile.zeros(4, 3))); // bypasses the view: written for another blocking
        assertThatThrownBy(() -> join(sm.read(2, 2))).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("wrong shape").hasMessageContaining("R[2, 2]");
    }

    @Test
    void float32MatricesStoreNarrowedValues() {
        MatrixManifest m = join(tiles.createMatrix(MatrixManifest.of("F", 3, 3, 3, 3).withDType(DType.FLOAT32)));
        Tile t = Tiles.random(3, 3, 4);
        join(tiles.matrix(m).write(0, 0, t));
        assertThat(join(tiles.matrix(m).read(0, 0)).get(1, 2)).isEqualTo((double) (float) t.get(1, 2));
    }

    @Test
    void tilesSpreadOverHashPrefixesAndNestedMatricesStaySeparate() {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                join(tiles.write(TileKey.of("N", i, j), Tile.zeros(1, 1)));
            }
        }
        join(tiles.write(TileKey.of("N/sub", 0, 0), Tile.zeros(1, 1)));
        join(tiles.write(TileKey.of("NX", 0, 0), Tile.zeros(1, 1)));
        List<String> keys = join(tiles.listMatrixKeys("N"));
        assertThat(keys).hasSize(64).allMatch(k -> k.matches("wren4j/N/[0-9a-f]{2}/\\d+_\\d+"));
        var prefixes = new HashSet<String>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.lastIndexOf('/'))));
        assertThat(prefixes.size()).isGreaterThan(40);
        join(tiles.deleteMatrix("N"));
        assertThat(join(tiles.exists(TileKey.of("N/sub", 0, 0)))).isTrue();
        assertThat(join(tiles.exists(TileKey.of("NX", 0, 0)))).isTrue();
        assertThat(join(tiles.listMatrixKeys("N"))).isEmpty();
    }

    public static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static void joinAll(List<CompletableFuture<?>> all) {
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
}
