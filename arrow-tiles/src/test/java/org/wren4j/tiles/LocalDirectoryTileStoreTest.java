package org.wren4j.tiles;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.spi.ObjectStore;

class LocalDirectoryTileStoreTest extends AbstractTileStoreTest {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore createObjectStore() {
        return new LocalDirectoryObjectStore(dir);
    }

    @Override
    protected ObjectStore secondClient() {
        return new LocalDirectoryObjectStore(dir);
    }
}
