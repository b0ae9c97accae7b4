package org.wren4j.tiles.s3;

import org.wren4j.tiles.AbstractTileStoreTest;
import org.wren4j.spi.ObjectStore;

/** TileStore behaviour against a real S3-compatible server. */
class S3TileStoreIT extends AbstractTileStoreTest {
    private String bucket;

    @Override
    protected ObjectStore createObjectStore() {
        bucket = S3ProxyServer.shared().newBucket();
        return S3ProxyServer.shared().connect(S3Options.builder(bucket).build());
    }

    @Override
    protected ObjectStore secondClient() {
        return S3ProxyServer.shared().connect(S3Options.builder(bucket).build());
    }
}
