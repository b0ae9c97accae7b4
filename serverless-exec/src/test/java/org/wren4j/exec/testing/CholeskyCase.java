package org.wren4j.exec.testing;

import java.util.Map;
import java.util.SplittableRandom;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.job.TileScope;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/** A Cholesky job on a seeded random SPD matrix: input tiles, the spec, and the factor read back. */
public record CholeskyCase(int n, int block, long seed) {
    public long tiles() {
        return (n + block - 1) / block;
    }

    /** Tasks of the job: N potrf + N(N-1)/2 trsm + sum of the trailing updates. */
    public long tasks() {
        long t = tiles();
        return t + t * (t - 1) / 2 + (t - 1) * t * (t + 1) / 6;
    }

    public double[] matrix() {
        var r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int c = 0; c < n; c++) {
            for (int row = c; row < n; row++) {
                double v = r.nextDouble();
                a[c * n + row] = v;
                a[row * n + c] = v;
            }
            a[c * n + c] += n;
        }
        return a;
    }

    /** Writes the input as matrix {@code name} (all tiles). */
    public void writeInput(TileStore store, String name) {
        writeInput(store, name, matrix());
    }

    /** Writes the n x n column-major {@code a} as matrix {@code name} in this case's tiles. */
    public void writeInput(TileStore store, String name, double[] a) {
        for (long i = 0; i < tiles(); i++) {
            for (long j = 0; j < tiles(); j++) {
                int rows = (int) Math.min(block, n - i * block);
                int cols = (int) Math.min(block, n - j * block);
                double[] v = new double[rows * cols];
                for (int c = 0; c < cols; c++) {
                    for (int row = 0; row < rows; row++) {
                        v[c * rows + row] = a[(int) ((j * block + c) * n + i * block + row)];
                    }
                }
                store.write(TileKey.of(name, i, j), Tile.wrap(rows, cols, v)).toCompletableFuture().join();
            }
        }
    }

    /** The stored matrix of the job's temporaries: under the job's own folder, as every job's are. */
    public static String temporary(String jobId) {
        return TileScope.temporaries(jobId) + "S";
    }

    /** The job: factor {@code input} into {@code output}, temporaries in {@link #temporary}. */
    public JobSpec spec(String jobId, String input, String output) {
        return new JobSpec(jobId, "cholesky", Programs.cholesky(), Map.of("N", tiles()), Map.of(
                "A", new MatrixBinding(input, n, n, block, StoredTiles.ALL),
                "O", new MatrixBinding(output, n, n, block, StoredTiles.LOWER_TRIANGLE),
                "S", MatrixBinding.temporary(temporary(jobId))));
    }

    /** Asserts bitwise equality, describing the differences (fast on large arrays, unlike a generic diff). */
    public static void assertBitwiseEqual(double[] actual, double[] expected) {
        if (java.util.Arrays.equals(actual, expected)) {
            return;
        }
        int count = 0;
        int first = -1;
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(actual[i]) != Double.doubleToRawLongBits(expected[i])) {
                count++;
                if (first < 0) {
                    first = i;
                }
                max = Math.max(max, Math.abs(actual[i] - expected[i]));
            }
        }
        throw new AssertionError(count + " of " + expected.length + " values differ; first at index " + first
                + " (" + actual[first] + " vs " + expected[first] + "), largest difference " + max);
    }

    /** The lower factor, dense column-major. */
    public double[] readFactor(TileStore store, String output) {
        double[] out = new double[n * n];
        for (long i = 0; i < tiles(); i++) {
            for (long j = 0; j <= i; j++) {
                Tile t = store.read(TileKey.of(output, i, j)).toCompletableFuture().join();
                for (int c = 0; c < t.cols(); c++) {
                    for (int row = 0; row < t.rows(); row++) {
                        out[(int) ((j * block + c) * n + i * block + row)] = t.get(row, c);
                    }
                }
            }
        }
        return out;
    }
}
