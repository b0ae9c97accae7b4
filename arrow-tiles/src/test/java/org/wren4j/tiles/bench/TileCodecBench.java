package org.wren4j.tiles.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.wren4j.tiles.LocalDirectoryObjectStore;
import org.wren4j.spi.ObjectStore;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileCodec;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.s3.S3Options;
import org.wren4j.tiles.s3.S3ProxyServer;

/**
 * Prints JSON lines: tile encode/decode throughput against a plain copy of the same bytes in
 * the same run, then put/get throughput of the local-directory store and of S3 on a loopback
 * s3proxy. Run with a large heap, e.g. {@code -Xmx8g}. Argument {@code codec} runs only the codec.
 */
public final class TileCodecBench {
    private TileCodecBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean codecOnly = args.length > 0 && args[0].equals("codec");
        for (int n : new int[] {1024, 2048, 4096}) {
            codec(n);
        }
        if (codecOnly) {
            return;
        }
        Path dir = Files.createTempDirectory("wren4j-bench");
        try (var durable = new LocalDirectoryObjectStore(dir.resolve("durable"), true, 4);
             var fast = new LocalDirectoryObjectStore(dir.resolve("nosync"), false, 4)) {
            store("local-durable", durable, 8 << 20, 32, 4);
            store("local-nosync", fast, 8 << 20, 32, 4);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        S3ProxyServer server = S3ProxyServer.shared();
        try (var s3 = server.connect(S3Options.builder(server.newBucket()).build())) {
            store("s3-loopback", s3, 8 << 20, 32, 4);
            store("s3-loopback-multipart", s3, 128 << 20, 3, 1);
        }
        System.exit(0); // s3proxy's threads are not daemons
    }

    private static void codec(int n) {
        var random = new SplittableRandom(n);
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble();
        }
        Tile tile = Tile.wrap(n, n, v);
        TileKey key = TileKey.of("bench", 0, 0);
        byte[] encoded = TileCodec.encode(tile);
        byte[] copy = new byte[encoded.length];
        long valueBytes = (long) v.length * Double.BYTES;
        int reps = Math.max(5, (int) (2_000_000_000L / valueBytes));
        Blackhole sink = new Blackhole();

        // Warm up every path, then measure each as the median of interleaved rounds.
        double[] memcpy = new double[reps];
        double[] clone = new double[reps];
        double[] enc = new double[reps];
        double[] dec = new double[reps];
        for (int warm = 0; warm < 3; warm++) {
            for (int r = 0; r < reps; r++) {
                time(() -> System.arraycopy(encoded, 0, copy, 0, encoded.length));
                time(() -> sink.take(encoded.clone()));
                time(() -> sink.take(TileCodec.encode(tile)));
                time(() -> sink.take(TileCodec.decode(key, encoded)));
            }
        }
        for (int r = 0; r < reps; r++) {
            memcpy[r] = time(() -> System.arraycopy(encoded, 0, copy, 0, encoded.length));
            clone[r] = time(() -> sink.take(encoded.clone()));
            enc[r] = time(() -> sink.take(TileCodec.encode(tile)));
            dec[r] = time(() -> sink.take(TileCodec.decode(key, encoded)));
        }
        if (!TileCodec.decode(key, encoded).equals(tile)) {
            throw new AssertionError("round trip failed");
        }
        double tCopy = median(memcpy);
        double tClone = median(clone);
        double tEnc = median(enc);
        double tDec = median(dec);
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"codec\",\"tile\":\"%dx%d\",\"value_bytes\":%d,\"encoded_bytes\":%d,\"reps\":%d,"
                        + "\"memcpy_gbps\":%.2f,\"alloc_copy_gbps\":%.2f,\"encode_gbps\":%.2f,\"decode_gbps\":%.2f,"
                        + "\"encode_time_vs_memcpy\":%.2f,\"decode_time_vs_memcpy\":%.2f,"
                        + "\"encode_time_vs_alloc_copy\":%.2f,\"decode_time_vs_alloc_copy\":%.2f,\"sink\":%d}",
                n, n, valueBytes, encoded.length, reps, gbps(valueBytes, tCopy), gbps(valueBytes, tClone), gbps(valueBytes, tEnc),
                gbps(valueBytes, tDec), tEnc / tCopy, tDec / tCopy, tEnc / tClone, tDec / tClone, sink.value % 10));
    }

    private static void store(String name, ObjectStore store, int objectBytes, int objects, int inFlight) {
        byte[] payload = new byte[objectBytes];
        new SplittableRandom(objectBytes).nextBytes(payload);
        // One warm-up round per phase so JIT and connections are ready, then a measured round.
        run(store, "warm/", payload, Math.min(objects, 4), inFlight, true);
        run(store, "warm/", payload, Math.min(objects, 4), inFlight, false);
        double put = run(store, "run/", payload, objects, inFlight, true);
        double get = run(store, "run/", payload, objects, inFlight, false);
        long total = (long) objectBytes * objects;
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"store\",\"store\":\"%s\",\"describe\":\"%s\",\"object_bytes\":%d,\"objects\":%d,\"in_flight\":%d,"
                        + "\"put_mbps\":%.1f,\"get_mbps\":%.1f}",
                name, store.describe(), objectBytes, objects, inFlight, total / put / 1e6, total / get / 1e6));
    }

    /** Seconds to put (or get) {@code objects} objects with at most {@code inFlight} outstanding. */
    private static double run(ObjectStore store, String prefix, byte[] payload, int objects, int inFlight, boolean put) {
        long start = System.nanoTime();
        List<CompletableFuture<?>> lanes = new ArrayList<>();
        for (int lane = 0; lane < inFlight; lane++) {
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (int i = lane; i < objects; i += inFlight) {
                String key = prefix + i;
                chain = chain.thenCompose(x -> put
                        ? store.put(key, payload)
                        : store.get(key).thenAccept(b -> {
                            if (b.orElseThrow().length != payload.length) {
                                throw new AssertionError("short read of " + key);
                            }
                        }));
            }
            lanes.add(chain);
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double gbps(long bytes, double seconds) {
        return bytes / seconds / 1e9;
    }

    /** Keeps results alive so the JIT cannot drop the work. */
    private static final class Blackhole {
        long value;

        void take(Object o) {
            value += System.identityHashCode(o);
        }
    }
}
