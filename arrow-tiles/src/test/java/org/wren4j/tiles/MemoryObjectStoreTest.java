package org.wren4j.tiles;

import org.wren4j.spi.ObjectStore;

class MemoryObjectStoreTest extends AbstractObjectStoreTest {
    @Override
    protected ObjectStore createStore() {
        return new MemoryObjectStore();
    }
}
