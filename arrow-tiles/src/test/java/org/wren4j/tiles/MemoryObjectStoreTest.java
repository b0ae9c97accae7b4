package org.wren4j.tiles;

class MemoryObjectStoreTest extends AbstractObjectStoreTest {
    @Override
    protected ObjectStore createStore() {
        return new MemoryObjectStore();
    }
}
