package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tiles of named matrices on top of an {@link ObjectStore}: Arrow-encoded, checksummed, written
 * once. A second write of the same key succeeds only with identical contents (a rerun of a
 * deterministic task); different contents fail with {@link TileConflictException}.
 */
public final class TileStore implements AutoCloseable {
    private final ObjectStore objects;
    private final String prefix;

    public TileStore(ObjectStore objects, String prefix) {
        this.objects = requireNonNull(objects, "objects is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    public static TileStore inMemory() {
        return new TileStore(new MemoryObjectStore(), "wren4j");
    }

    public ObjectStore objects() {
        return objects;
    }

    String objectKey(TileKey key) {
        return prefix + "/" + key.path();
    }

    /** Writes {@code tile} under {@code key} once; completes when the tile is durable. */
    public CompletionStage<Void> write(TileKey key, Tile tile) {
        byte[] bytes = TileCodec.encode(tile);
        String k = objectKey(key);
        return objects.putIfAbsent(k, bytes).thenCompose(r -> r == ObjectStore.PutResult.CREATED
                ? CompletableFuture.<Void>completedFuture(null)
                : objects.get(k).thenAccept(existing -> {
                    if (existing.isPresent() && !Arrays.equals(existing.get(), bytes)) {
                        throw new TileConflictException(key);
                    }
                }));
    }

    /** Reads the tile; fails with {@link MissingTileException} or {@link CorruptTileException}. */
    public CompletionStage<Tile> read(TileKey key) {
        return objects.get(objectKey(key)).thenApply(bytes -> TileCodec.decode(key,
                bytes.orElseThrow(() -> new MissingTileException(key, objects.describe()))));
    }

    public CompletionStage<Boolean> exists(TileKey key) {
        return objects.get(objectKey(key)).thenApply(java.util.Optional::isPresent);
    }

    public CompletionStage<Void> delete(TileKey key) {
        return objects.delete(objectKey(key));
    }

    /** Deletes every tile of {@code matrix}. */
    public CompletionStage<Void> deleteMatrix(String matrix) {
        return objects.list(prefix + "/" + matrix + "/").thenCompose(keys -> CompletableFuture.allOf(
                keys.stream().map(k -> objects.delete(k).toCompletableFuture()).toArray(CompletableFuture[]::new)));
    }

    public CompletionStage<List<String>> listMatrixKeys(String matrix) {
        return objects.list(prefix + "/" + matrix + "/");
    }

    public String describe() {
        return objects.describe();
    }

    @Override
    public void close() {
        objects.close();
    }
}
