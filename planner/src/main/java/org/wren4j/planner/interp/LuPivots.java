package org.wren4j.planner.interp;

import java.util.List;

/**
 * Reads the pivots of the {@code calu} program: its output {@code P[0, k]} is the candidate
 * tile of panel k (row r: tile row and row within the tile of the r-th pivot row), and its
 * column blocks {@code L[., k]} keep the row order after panel k (later panels' interchanges
 * are not applied to them). This turns both into the usual {@code P A = L U}.
 */
public final class LuPivots {
    private LuPivots() {
    }

    /** First global row of each tile row, from the tile heights. */
    private static int[] starts(int[] heights) {
        int[] s = new int[heights.length + 1];
        for (int t = 0; t < heights.length; t++) {
            s[t + 1] = s[t] + heights[t];
        }
        return s;
    }

    /**
     * The row permutation of panel k as a map new position -> old position over all
     * {@code m} rows (identity outside the panel's interchange).
     */
    public static int[] panel(double[][] pivots, int k, int[] heights) {
        int[] s = starts(heights);
        int m = s[heights.length];
        int[] sigma = new int[m];
        for (int r = 0; r < m; r++) {
            sigma[r] = r;
        }
        int c = pivots.length;
        boolean[] inTop = new boolean[c];
        var v = new java.util.ArrayList<int[]>();
        for (int r = 0; r < c; r++) {
            int tile = (int) pivots[r][0];
            int row = (int) pivots[r][1];
            sigma[s[k] + r] = s[tile] + row;
            if (tile == k && row < c) {
                inTop[row] = true;
            } else {
                v.add(new int[] {tile, row});
            }
        }
        v.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int t = 0;
        for (int r = 0; r < c; r++) {
            if (!inTop[r]) {
                int[] dest = v.get(t++);
                sigma[s[dest[0]] + dest[1]] = s[k] + r;
            }
        }
        return sigma;
    }

    /** {@code perm} with {@code (P A)[r] = A[perm[r]]}, from the pivot tiles of panels 0, 1, ... */
    public static int[] permutation(List<double[][]> pivotTiles, int[] heights) {
        int m = starts(heights)[heights.length];
        int[] perm = new int[m];
        for (int r = 0; r < m; r++) {
            perm[r] = r;
        }
        for (int k = 0; k < pivotTiles.size(); k++) {
            int[] sigma = panel(pivotTiles.get(k), k, heights);
            int[] next = new int[m];
            for (int r = 0; r < m; r++) {
                next[r] = perm[sigma[r]];
            }
            perm = next;
        }
        return perm;
    }

    /**
     * The usual unit lower L from the dense assembly of {@code calu}'s L: column block k
     * (columns {@code colStarts[k]..colStarts[k + 1] - 1}) gets the interchanges of panels after k.
     */
    public static double[][] standardL(double[][] l, List<double[][]> pivotTiles, int[] heights, int[] colWidths) {
        double[][] out = DenseOps.copy(l);
        int m = l.length;
        int c0 = 0;
        for (int k = 0; k < colWidths.length; k++) {
            int[] tau = new int[m];
            for (int r = 0; r < m; r++) {
                tau[r] = r;
            }
            for (int later = k + 1; later < pivotTiles.size(); later++) {
                int[] sigma = panel(pivotTiles.get(later), later, heights);
                int[] next = new int[m];
                for (int r = 0; r < m; r++) {
                    next[r] = tau[sigma[r]];
                }
                tau = next;
            }
            for (int r = 0; r < m; r++) {
                for (int c = c0; c < c0 + colWidths[k]; c++) {
                    out[r][c] = l[tau[r]][c];
                }
            }
            c0 += colWidths[k];
        }
        return out;
    }
}
