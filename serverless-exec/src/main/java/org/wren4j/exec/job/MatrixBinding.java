package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import org.wren4j.tiles.StoredTiles;

/**
 * Where a program matrix lives in the tile store, with its shape for inputs and outputs
 * ({@code rows = cols = 0} for temporaries, whose tiles carry their own shape).
 */
public record MatrixBinding(String storeMatrix, long rows, long cols, int blockSize, StoredTiles storedTiles) {
    public MatrixBinding {
        requireNonNull(storeMatrix, "storeMatrix is null");
        requireNonNull(storedTiles, "storedTiles is null");
        if (rows < 0 || cols < 0 || blockSize < 0) {
            throw new IllegalArgumentException("bad binding of " + storeMatrix + ": " + rows + "x" + cols + " block " + blockSize);
        }
    }

    public static MatrixBinding temporary(String storeMatrix) {
        return new MatrixBinding(storeMatrix, 0, 0, 0, StoredTiles.ALL);
    }

    public int tileRows(long row) {
        return (int) Math.min(blockSize, rows - row * blockSize);
    }

    public int tileCols(long col) {
        return (int) Math.min(blockSize, cols - col * blockSize);
    }
}
