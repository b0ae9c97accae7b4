package org.wren4j.exec.kernels;

import org.wren4j.tiles.Tile;

/**
 * The finite-value check of factorization and solve kernels ({@code KernelSpec.NonFinite.REFUSE}).
 * The fast path is one pass over each result: NaN and infinities propagate through the arithmetic
 * of these kernels (a NaN pivot divides a column, an infinite input meets a subtraction), so a
 * non-finite input shows up in a result or stops the kernel, and only then are the inputs scanned
 * to tell a bad input from an overflow inside the kernel.
 */
final class FiniteCheck {
    private FiniteCheck() {
    }

    /** Index of the first non-finite value of {@code v} (column-major), or -1. */
    static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @throws NonFiniteValueException naming the first non-finite input (or, with all inputs
     *     finite, result) if a result holds NaN or an infinity
     */
    static void requireFinite(String kernel, Tile[] inputs, Tile[] results) {
        for (int o = 0; o < results.length; o++) {
            int at = firstNonFinite(results[o].values());
            if (at >= 0) {
                requireFiniteInputs(kernel, inputs);
                throw failure(kernel, new NonFiniteValueException.Result(o), results[o], at);
            }
        }
    }

    /** @throws NonFiniteValueException naming the first input tile that holds NaN or an infinity */
    static void requireFiniteInputs(String kernel, Tile[] inputs) {
        for (int p = 0; p < inputs.length; p++) {
            int at = firstNonFinite(inputs[p].values());
            if (at >= 0) {
                throw failure(kernel, new NonFiniteValueException.Input(p), inputs[p], at);
            }
        }
    }

    private static NonFiniteValueException failure(String kernel, NonFiniteValueException.Site site, Tile tile, int at) {
        return new NonFiniteValueException(kernel, site, at % tile.rows(), at / tile.rows(), tile.values()[at]);
    }
}
