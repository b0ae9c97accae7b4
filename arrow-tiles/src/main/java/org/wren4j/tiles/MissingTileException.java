package org.wren4j.tiles;

/** A tile that was read does not exist in the store. */
public class MissingTileException extends TileException {
    public MissingTileException(TileKey key, String store) {
        super("tile " + key + " of matrix " + key.matrix() + " not found in " + store);
    }
}
