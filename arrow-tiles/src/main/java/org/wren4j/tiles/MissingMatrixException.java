package org.wren4j.tiles;

/** A matrix was opened by name but the store holds no manifest for it. */
public class MissingMatrixException extends TileException {
    public MissingMatrixException(String matrix, String store) {
        super("matrix '" + matrix + "' not found in " + store + " (no manifest: it was never stored there, or its writer did not finish)");
    }
}
