package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.wren4j.spi.ObjectStore;

/**
 * Tiles of named matrices on top of an {@link ObjectStore}: Arrow-encoded, checksummed, written
 * once. A second write of the same key succeeds only with identical contents (a rerun of a
 * deterministic task); different contents fail with {@link TileConflictException}.
 *
 * <p>A matrix may have a {@link MatrixManifest}, stored as {@code <prefix>/<matrix>/manifest.json}
 * beside its tiles, which lets any process {@linkplain #openMatrix reopen it by name}. Tiles are
 * laid out by a {@link KeyLayout} ({@link KeyLayout#HASHED} unless given). All calls are
 * asynchronous; failures complete the stage with a {@link TileException} naming the matrix,
 * the tile and the store.
 */
public final class TileStore implements AutoCloseable {
    private final ObjectStore objects;
    private final String prefix;
    private final String base;
    private final KeyLayout layout;

    /** Tiles under {@code prefix} in the {@link KeyLayout#HASHED} layout. */
    public TileStore(ObjectStore objects, String prefix) {
        this(objects, prefix, KeyLayout.HASHED);
    }

    public TileStore(ObjectStore objects, String prefix, KeyLayout layout) {
        this.objects = requireNonNull(objects, "objects is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.layout = requireNonNull(layout, "layout is null");
        if (prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must not start or end with '/': '" + prefix + "'");
        }
        this.base = prefix.isEmpty() ? "" : prefix + "/";
    }

    public static TileStore inMemory() {
        return new TileStore(new MemoryObjectStore(), "wren4j");
    }

    /** A durable store in a local directory. */
    public static TileStore inDirectory(Path directory) {
        return new TileStore(new LocalDirectoryObjectStore(directory), "wren4j");
    }

    public ObjectStore objects() {
        return objects;
    }

    /** The same tiles seen through {@code objects} (e.g. {@code objects()} wrapped to inject faults): same prefix and layout. */
    public TileStore withObjects(ObjectStore objects) {
        return new TileStore(objects, prefix, layout);
    }

    public KeyLayout layout() {
        return layout;
    }

    String objectKey(TileKey key) {
        return layout.tileKey(base, key);
    }

    private String matrixBase(String matrix) {
        return base + matrix + "/";
    }

    private String manifestKey(String matrix) {
        return matrixBase(matrix) + MatrixManifest.FILE_NAME;
    }

    /** Writes {@code tile} under {@code key} once as float64; completes when the tile is durable. */
    public CompletionStage<Void> write(TileKey key, Tile tile) {
        return write(key, tile, DType.FLOAT64);
    }

    /**
     * Writes {@code tile} under {@code key} once with elements of {@code dtype}. If the key exists,
     * succeeds when the stored tile holds the same values and fails with
     * {@link TileConflictException} otherwise; never overwrites.
     */
    public CompletionStage<Void> write(TileKey key, Tile tile, DType dtype) {
        requireNonNull(key, "key is null");
        requireNonNull(tile, "tile is null");
        byte[] bytes = TileCodec.encode(tile, dtype);
        String k = objectKey(key);
        return objects.putIfAbsent(k, bytes).thenCompose(r -> r == ObjectStore.PutResult.CREATED
                ? CompletableFuture.<Void>completedFuture(null)
                : objects.get(k).thenAccept(existing -> {
                    if (existing.isPresent() && !sameTile(key, existing.get(), bytes)) {
                        throw new TileConflictException(key);
                    }
                }));
    }

    /** Byte equality, or equal values when an older encoder wrote the stored copy. */
    private static boolean sameTile(TileKey key, byte[] stored, byte[] mine) {
        if (Arrays.equals(stored, mine)) {
            return true;
        }
        Tile a;
        try {
            a = TileCodec.decode(key, stored);
        } catch (CorruptTileException e) {
            return false;
        }
        Tile b = TileCodec.decode(key, mine);
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            return false;
        }
        for (int i = 0; i < a.values().length; i++) {
            if (Double.doubleToRawLongBits(a.values()[i]) != Double.doubleToRawLongBits(b.values()[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads the tile; fails with {@link MissingTileException} or {@link CorruptTileException}. */
    public CompletionStage<Tile> read(TileKey key) {
        requireNonNull(key, "key is null");
        return objects.get(objectKey(key)).thenApply(bytes -> TileCodec.decode(key,
                bytes.orElseThrow(() -> new MissingTileException(key, objects.describe()))));
    }

    /** Reads the tile and checks its shape; a mismatch fails with {@link CorruptTileException} ("wrong shape"). */
    public CompletionStage<Tile> read(TileKey key, int expectedRows, int expectedCols) {
        requireNonNull(key, "key is null");
        return objects.get(objectKey(key)).thenApply(bytes -> TileCodec.decode(key,
                bytes.orElseThrow(() -> new MissingTileException(key, objects.describe())), expectedRows, expectedCols));
    }

    public CompletionStage<Boolean> exists(TileKey key) {
        return objects.get(objectKey(key)).thenApply(Optional::isPresent);
    }

    public CompletionStage<Void> delete(TileKey key) {
        return objects.delete(objectKey(key));
    }

    /**
     * Records {@code manifest} so the matrix can be reopened by name. Creating a matrix that exists
     * with the same layout succeeds and returns the stored manifest (creation is idempotent);
     * a different layout fails with {@link TileConflictException}.
     */
    public CompletionStage<MatrixManifest> createMatrix(MatrixManifest manifest) {
        requireNonNull(manifest, "manifest is null");
        String key = manifestKey(manifest.name());
        return objects.putIfAbsent(key, manifest.toJson()).thenCompose(r -> r == ObjectStore.PutResult.CREATED
                ? CompletableFuture.completedFuture(manifest)
                : openMatrix(manifest.name()).thenApply(stored -> {
                    if (!stored.sameLayout(manifest)) {
                        throw new TileConflictException("matrix " + manifest.name() + " already exists in " + describe() + " as "
                                + stored.describeLayout() + " (created " + stored.createdAt() + " by " + stored.creator()
                                + "); cannot create it as " + manifest.describeLayout() + ": delete it first or pick another name");
                    }
                    return stored;
                }));
    }

    /** The manifest of {@code name}; fails with {@link MissingMatrixException} if there is none. */
    public CompletionStage<MatrixManifest> openMatrix(String name) {
        MatrixManifest.checkName(name);
        return objects.get(manifestKey(name)).thenApply(bytes -> MatrixManifest.fromJson(name, describe(),
                bytes.orElseThrow(() -> new MissingMatrixException(name, describe()))));
    }

    /** A view of the tiles of {@code manifest}'s matrix that checks tile indices and shapes. */
    public StoredMatrix matrix(MatrixManifest manifest) {
        return new StoredMatrix(this, manifest);
    }

    /** Names of the matrices that have a manifest, sorted. Lists every key under the prefix. */
    public CompletionStage<List<String>> listMatrices() {
        String suffix = "/" + MatrixManifest.FILE_NAME;
        return objects.list(base).thenApply(keys -> keys.stream()
                .filter(k -> k.endsWith(suffix))
                .map(k -> k.substring(base.length(), k.length() - suffix.length()))
                .sorted()
                .toList());
    }

    /** Deletes every tile of {@code matrix}, then its manifest, so an interrupted delete can be rerun. */
    public CompletionStage<Void> deleteMatrix(String matrix) {
        requireNonNull(matrix, "matrix is null");
        return listMatrixKeys(matrix)
                .thenCompose(keys -> CompletableFuture.allOf(
                        keys.stream().map(k -> objects.delete(k).toCompletableFuture()).toArray(CompletableFuture[]::new)))
                .thenCompose(ignored -> objects.delete(manifestKey(matrix)));
    }

    /** Object keys of the tiles of {@code matrix} (not of matrices nested under its name), sorted. */
    public CompletionStage<List<String>> listMatrixKeys(String matrix) {
        requireNonNull(matrix, "matrix is null");
        String mb = matrixBase(matrix);
        return objects.list(mb).thenApply(keys -> keys.stream().filter(k -> layout.isTileSuffix(k.substring(mb.length()))).toList());
    }

    public String describe() {
        return objects.describe() + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
    }

    @Override
    public void close() {
        objects.close();
    }
}
