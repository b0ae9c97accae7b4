package org.wren4j.planner.interp;

import java.util.Map;
import org.wren4j.planner.analysis.ConcreteTile;

/** Splits dense matrices into tiles of a program matrix and assembles them back. */
public final class Tiles {
    private Tiles() {
    }

    /** Number of tiles of size {@code block} covering {@code n} (the last one may be ragged). */
    public static int count(int n, int block) {
        return (n + block - 1) / block;
    }

    /** Puts the tiles {@code matrix[r, c]} of {@code dense} into {@code out}; edge tiles are ragged. */
    public static void split(String matrix, double[][] dense, int rowBlock, int colBlock, Map<ConcreteTile, double[][]> out) {
        int rows = DenseOps.rows(dense);
        int cols = DenseOps.cols(dense);
        for (int r = 0; r < count(rows, rowBlock); r++) {
            for (int c = 0; c < count(cols, colBlock); c++) {
                int h = Math.min(rowBlock, rows - r * rowBlock);
                int w = Math.min(colBlock, cols - c * colBlock);
                double[][] t = new double[h][w];
                for (int i = 0; i < h; i++) {
                    System.arraycopy(dense[r * rowBlock + i], c * colBlock, t[i], 0, w);
                }
                out.put(new ConcreteTile(matrix, r, c), t);
            }
        }
    }

    /**
     * The dense matrix of tiles {@code matrix[r, c]}, {@code r < rowTiles, c < colTiles}; a
     * missing tile is zero (e.g. the upper tiles of a triangular factor) and takes its size from
     * its neighbours.
     */
    public static double[][] assemble(Map<ConcreteTile, double[][]> tiles, String matrix, int rowTiles, int colTiles) {
        int[] h = new int[rowTiles];
        int[] w = new int[colTiles];
        for (int r = 0; r < rowTiles; r++) {
            for (int c = 0; c < colTiles; c++) {
                double[][] t = tiles.get(new ConcreteTile(matrix, r, c));
                if (t != null) {
                    h[r] = DenseOps.rows(t);
                    w[c] = DenseOps.cols(t);
                }
            }
        }
        int rows = 0;
        for (int x : h) {
            rows += x;
        }
        int cols = 0;
        for (int x : w) {
            cols += x;
        }
        double[][] out = new double[rows][cols];
        int r0 = 0;
        for (int r = 0; r < rowTiles; r++) {
            int c0 = 0;
            for (int c = 0; c < colTiles; c++) {
                double[][] t = tiles.get(new ConcreteTile(matrix, r, c));
                if (t != null) {
                    for (int i = 0; i < h[r]; i++) {
                        System.arraycopy(t[i], 0, out[r0 + i], c0, w[c]);
                    }
                }
                c0 += w[c];
            }
            r0 += h[r];
        }
        return out;
    }
}
