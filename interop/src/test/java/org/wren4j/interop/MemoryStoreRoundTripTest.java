package org.wren4j.interop;

import java.nio.file.Path;
import org.wren4j.tiles.TileStore;

/** The round trips on the embedded in-memory tile store (the session's default). */
class MemoryStoreRoundTripTest extends AbstractStoreRoundTripTest {
    @Override
    protected TileStore newTileStore(Path dir) {
        return TileStore.inMemory();
    }
}
