package org.wren4j.api;

import java.util.SplittableRandom;
import org.wren4j.tiles.Tile;

/**
 * Deterministic random tiles: tile (i, j) of a matrix depends only on the seed and (i, j), so
 * any tile can be regenerated independently (and in parallel).
 */
final class TileGenerator {
    private TileGenerator() {
    }

    private static long tileSeed(long seed, long i, long j) {
        long h = seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + j * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        return h * 0xBF58476D1CE4E5B9L;
    }

    /** Uniform [0, 1) values, column-major. */
    static double[] uniform(long seed, long i, long j, int rows, int cols) {
        var r = new SplittableRandom(tileSeed(seed, i, j));
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextDouble();
        }
        return v;
    }

    static Tile uniformTile(long seed, long i, long j, int rows, int cols) {
        return Tile.wrap(rows, cols, uniform(seed, i, j, rows, cols));
    }

    /**
     * Tile (i, j) of {@code (U + U^T) / 2 + n I} for the uniform matrix U of the seed: symmetric,
     * strictly diagonally dominant, hence positive definite (the recipe of the peer benchmarks).
     */
    static Tile spdTile(long seed, long n, long i, long j, int rows, int cols) {
        double[] u = uniform(seed, i, j, rows, cols);
        double[] ut = uniform(seed, j, i, cols, rows); // tile (j, i) of U, cols x rows
        double[] v = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                v[c * rows + r] = 0.5 * (u[c * rows + r] + ut[r * cols + c]);
            }
        }
        if (i == j) {
            for (int d = 0; d < rows; d++) {
                v[d * rows + d] += n;
            }
        }
        return Tile.wrap(rows, cols, v);
    }
}
