package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.api.internal.SessionWiring;
import org.wren4j.tiles.TileStore;

/**
 * The adapters only talk to the session, so they must work with every tile store. Each concrete
 * subclass names one store; the same round trips run on each, and each checks that the tiles
 * really went through that store.
 */
abstract class AbstractStoreRoundTripTest {
    @TempDir
    Path tmp;

    /** A new, empty tile store; the session closes it. */
    protected abstract TileStore newTileStore(Path dir);

    /** Keys of tile objects the store holds now, as the store itself lists them. */
    protected static List<String> keys(TileStore store) {
        return store.objects().list("").toCompletableFuture().join();
    }

    protected Wren session(TileStore store) {
        return SessionWiring.store(Wren.builder().workers(2), store).build();
    }

    @Test
    void arrowDirectoryToMatrixToArrowKeepsValues() {
        TileStore store = newTileStore(tmp.resolve("tiles"));
        try (Wren wren = session(store)) {
            LoadedTable t = Tables.load(wren, TestData.generated().resolve("ragged"),
                    LoadOptions.builder().columns("id", "dec18").oneHot("color").blockSize(20).build());
            assertThat(keys(store)).isNotEmpty();
            Path out = tmp.resolve("out.arrow");
            Tables.write(t.features(), out, t.columnNames());
            LoadedTable back = Tables.load(wren, out, LoadOptions.builder().blockSize(7).build());
            assertThat(back.columnNames()).isEqualTo(List.of("id", "dec18", "color=blue", "color=green", "color=red"));
            assertThat(TestData.bits(back.features().toArray())).isDeepEqualTo(TestData.bits(t.features().toArray()));
            double[][] a = back.features().toArray();
            for (int r = 0; r < a.length; r++) {
                assertThat(a[r][0]).isEqualTo(r);
                assertThat(a[r][1]).isEqualTo(TestData.expected("dec18", r));
            }
        }
    }

    /**
     * Parquet in, matrix in the store, Parquet out: the written file, read back with Parquet's own
     * reader (not the adapter), holds bit for bit the known answers of every numeric column,
     * nulls filled with NaN; loading it again through the store gives the same bits.
     */
    @Test
    void parquetToMatrixToParquetIsExact() throws IOException {
        TileStore store = newTileStore(tmp.resolve("tiles"));
        try (Wren wren = session(store)) {
            LoadedTable t = Tables.loadParquet(wren, TestData.generated().resolve("mixed.parquet"),
                    LoadOptions.builder().nullPolicy(NullPolicy.fill(Double.NaN)).blockSize(64).build());
            assertThat(t.columnNames()).isEqualTo(TestData.NUMERIC);
            // 1000 x 15 in tiles of 64: 16 tile rows, one tile column, all in the store.
            assertThat(keys(store)).hasSizeGreaterThanOrEqualTo(16);
            Path out = tmp.resolve("mixed-out.parquet");
            Tables.writeParquet(t.features(), out, t.columnNames());

            long[][] expected = TestData.bits(TestData.expectedMixed(TestData.NUMERIC, 0, TestData.MIXED_ROWS));
            assertThat(TestData.bits(readDoubles(out, TestData.NUMERIC))).isDeepEqualTo(expected);

            // the NaN that filled the nulls is a value in the written file: loading it back asks for it
            LoadedTable back = Tables.loadParquet(wren, out, LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(100).build());
            assertThat(back.columnNames()).isEqualTo(TestData.NUMERIC);
            assertThat(TestData.bits(back.features().toArray())).isDeepEqualTo(expected);
        }
    }

    /** A matrix of awkward doubles (NaN, -0.0, infinities, subnormals) stored, exported and loaded again, in ragged tiles. */
    @Test
    void matrixToParquetToMatrixIsExact() throws IOException {
        TileStore store = newTileStore(tmp.resolve("tiles"));
        try (Wren wren = session(store)) {
            double[][] a = ParquetTablesTest.awkward(103, 7, 7);
            BlockMatrix m = wren.fromArray(a, 16);
            assertThat(keys(store)).isNotEmpty();
            Path file = tmp.resolve("awkward.parquet");
            Tables.writeParquet(m, file, List.of());
            assertThat(TestData.bits(readDoubles(file, List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6")))).isDeepEqualTo(TestData.bits(a));
            for (int block : new int[] {5, 64}) {
                LoadedTable t = Tables.loadParquet(wren, file, LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(block).build());
                assertThat(TestData.bits(t.features().toArray())).isDeepEqualTo(TestData.bits(a));
            }
        }
    }

    @Test
    void digitsLoadWithKnownAnswers() throws IOException {
        TileStore store = newTileStore(tmp.resolve("tiles"));
        try (Wren wren = session(store)) {
            DigitsTest.assertDigitsLoad(wren);
            assertThat(keys(store)).isNotEmpty();
        }
    }

    /** Every row of a Parquet file of required DOUBLE columns, read with Parquet's example reader. */
    static double[][] readDoubles(Path file, List<String> columns) throws IOException {
        var rows = new ArrayList<double[]>();
        try (ParquetReader<Group> reader = new GroupReader(file).build()) {
            Group g;
            while ((g = reader.read()) != null) {
                List<Type> fields = g.getType().getFields();
                assertThat(fields).extracting(Type::getName).isEqualTo(columns);
                double[] row = new double[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    assertThat(fields.get(c).asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
                    assertThat(fields.get(c).isRepetition(Type.Repetition.REQUIRED)).isTrue();
                    row[c] = g.getDouble(c, 0);
                }
                rows.add(row);
            }
        }
        return rows.toArray(double[][]::new);
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(Path file) {
            super(new LocalInputFile(file), new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
