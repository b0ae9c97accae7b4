package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.wren4j.api.Wren;

/**
 * The handwritten digits table Debian's python3-sklearn ships (see test-data/README.md), loaded
 * from the committed Parquet conversion and checked against the original CSV and known counts.
 */
class DigitsTest {
    static final int ROWS = 1797;
    static final long[] CLASS_COUNTS = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};

    static List<String> pixelNames() {
        var names = new ArrayList<String>();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                names.add("pixel_" + r + "_" + c);
            }
        }
        return names;
    }

    static List<int[]> readCsv(Path csvGz) throws IOException {
        var rows = new ArrayList<int[]>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                int[] v = new int[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = (int) Double.parseDouble(f[i]);
                }
                rows.add(v);
            }
        }
        return rows;
    }

    /** How test-data/real/digits.parquet was made from digits.csv.gz: int32 pixels, int32 target. */
    static void convert(Path csvGz, Path parquet) throws IOException {
        StringBuilder s = new StringBuilder("message digits {");
        pixelNames().forEach(n -> s.append(" required int32 ").append(n).append(';'));
        MessageType schema = MessageTypeParser.parseMessageType(s.append(" required int32 target; }").toString());
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        List<String> names = pixelNames();
        try (ParquetWriter<Group> w = org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new org.apache.parquet.io.LocalOutputFile(parquet))
                .withConf(new org.apache.parquet.conf.PlainParquetConfiguration()).withType(schema)
                .withCompressionCodec(CompressionCodecName.GZIP).build()) {
            for (int[] row : readCsv(csvGz)) {
                Group g = f.newGroup();
                for (int i = 0; i < 64; i++) {
                    g.append(names.get(i), row[i]);
                }
                w.write(g.append("target", row[64]));
            }
        }
    }

    @Test
    void digitsLoadWithKnownAnswers() throws IOException {
        try (Wren wren = Wren.builder().workers(1).build()) {
            assertDigitsLoad(wren);
        }
    }

    /** Loads the digits through {@code wren}'s tile store and checks every value and the known counts and sums. */
    static void assertDigitsLoad(Wren wren) throws IOException {
        Path real = TestData.realData();
        Path parquet = real.resolve("digits.parquet");
        if (!Files.exists(parquet)) {
            convert(real.resolve("digits.csv.gz"), parquet);
        }
        LoadedTable t = Tables.loadParquet(wren, parquet, LoadOptions.builder().columnsMatching("pixel_*").label("target").blockSize(256).build());
        assertThat(t.features().rows()).isEqualTo(ROWS);
        assertThat(t.features().cols()).isEqualTo(64);
        assertThat(t.columnNames()).isEqualTo(pixelNames());
        double[][] x = t.features().toArray();
        double[][] y = t.label().orElseThrow().toArray();

        long[] counts = new long[10];
        double total = 0;
        double col2 = 0;
        double col36 = 0;
        for (int r = 0; r < ROWS; r++) {
            counts[(int) y[r][0]]++;
            for (double v : x[r]) {
                total += v;
            }
            col2 += x[r][2];
            col36 += x[r][36];
        }
        assertThat(counts).containsExactly(CLASS_COUNTS);
        assertThat(total).isEqualTo(561_718.0);
        assertThat(col2).isEqualTo(9_353.0);
        assertThat(col36).isEqualTo(18_512.0);

        List<int[]> csv = readCsv(real.resolve("digits.csv.gz"));
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 64; c++) {
                assertThat(x[r][c]).isEqualTo(csv.get(r)[c]);
            }
            assertThat(y[r][0]).isEqualTo(csv.get(r)[64]);
        }
    }
}
