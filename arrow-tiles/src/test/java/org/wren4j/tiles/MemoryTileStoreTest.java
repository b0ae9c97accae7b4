package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wren4j.spi.ObjectStore;

class MemoryTileStoreTest extends AbstractTileStoreTest {
    private MemoryObjectStore objects;

    @Override
    protected ObjectStore createObjectStore() {
        objects = new MemoryObjectStore();
        return objects;
    }

    /** The same heap map seen through a wrapper whose close does not clear it. */
    @Override
    protected ObjectStore secondClient() {
        return new ForwardingObjectStore(objects) {
            @Override
            public void close() {
            }
        };
    }

    @Test
    void inMemoryFactoryKeepsItsContract() {
        try (TileStore s = TileStore.inMemory()) {
            join(s.write(TileKey.of("A", 0, 0), Tile.wrap(1, 2, new double[] {1, 2})));
            assertThat(join(s.read(TileKey.of("A", 0, 0))).get(0, 1)).isEqualTo(2.0);
            assertThat(s.describe()).contains("memory");
        }
    }
}
