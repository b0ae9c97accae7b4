package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.tiles.TileStore;
import org.wren4j.tiles.s3.S3ObjectStore;
import org.wren4j.tiles.s3.S3Options;
import org.wren4j.tiles.s3.S3ProxyServer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The round trips (and the digits) on S3: {@link S3ObjectStore} against a real s3proxy server on
 * 127.0.0.1, each test in a new bucket, with a key prefix and the smallest multipart size S3 allows.
 */
class S3StoreRoundTripIT extends AbstractStoreRoundTripTest {
    static final String KEY_PREFIX = "interop/";
    private String bucket;

    @Override
    protected TileStore newTileStore(Path dir) {
        bucket = S3ProxyServer.shared().newBucket();
        S3Options options = S3Options.builder(bucket).keyPrefix(KEY_PREFIX)
                .multipart(S3Options.MIN_PART_SIZE, S3Options.MIN_PART_SIZE).partConcurrency(2).build();
        return new TileStore(S3ProxyServer.shared().connect(options), "wren4j");
    }

    /** What the bucket holds, listed with the raw client rather than the store. */
    private List<S3Object> bucketObjects() {
        return S3ProxyServer.shared().client().listObjectsV2(b -> b.bucket(bucket)).join().contents();
    }

    /**
     * A tile bigger than the multipart threshold goes up in parts and comes back exact through
     * Parquet; every object sits under the key prefix.
     */
    @Test
    void tileAboveMultipartThresholdRoundTripsThroughParquet() throws IOException {
        TileStore store = newTileStore(tmp.resolve("tiles"));
        double[][] a = new double[1024][768];
        Random rnd = new Random(11);
        for (double[] row : a) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rnd.nextGaussian();
            }
        }
        try (Wren wren = session(store)) {
            BlockMatrix m = wren.fromArray(a, 1024);
            List<S3Object> objects = bucketObjects();
            assertThat(objects).isNotEmpty().allSatisfy(o -> assertThat(o.key()).startsWith(KEY_PREFIX + "wren4j/"));
            assertThat(objects).anySatisfy(o -> assertThat(o.size()).isGreaterThanOrEqualTo(S3Options.MIN_PART_SIZE));

            Path file = tmp.resolve("big.parquet");
            Tables.writeParquet(m, file, List.of());
            LoadedTable t = Tables.loadParquet(wren, file, LoadOptions.builder().blockSize(1024).build());
            assertThat(TestData.bits(t.features().toArray())).isDeepEqualTo(TestData.bits(a));
        }
    }
}
