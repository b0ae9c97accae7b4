package org.wren4j.exec.kernels;

import org.wren4j.tiles.Tile;

/** Shape checks shared by the kernels: errors name the kernel and every shape involved. */
final class Shapes {
    private Shapes() {
    }

    static String dims(Tile t) {
        return t.rows() + "x" + t.cols();
    }

    static IllegalArgumentException mismatch(String kernel, String detail) {
        return new IllegalArgumentException("kernel " + kernel + ": tile shapes do not agree: " + detail);
    }

    static void requireSquare(String kernel, Tile t) {
        if (t.rows() != t.cols()) {
            throw mismatch(kernel, "needs a square tile, got " + dims(t));
        }
    }

    /** All of {@code in} have the shape of {@code in[0]}. */
    static void requireSameShapes(String kernel, Tile[] in) {
        Tile first = in[0];
        for (int p = 1; p < in.length; p++) {
            Tile t = in[p];
            if (t.rows() != first.rows() || t.cols() != first.cols()) {
                throw mismatch(kernel, "tile " + p + " is " + dims(t) + ", tile 0 is " + dims(first));
            }
        }
    }

    static void requireScalars(String kernel, double[] scalars, int count) {
        if (scalars == null || scalars.length != count) {
            throw new IllegalArgumentException("kernel " + kernel + " takes " + count + " scalars, got "
                    + (scalars == null ? "null" : scalars.length));
        }
    }
}
