package org.wren4j.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.tiles.DType;
import org.wren4j.tiles.KeyLayout;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.MissingMatrixException;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.TileConflictException;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/**
 * The named matrices of a session's tile store: a manifest for every matrix the session stores,
 * opening by name, saving under a name, listing and deleting, and the column names kept beside
 * a manifest. Which tiles of a matrix exist (all, one triangle, the lower half of a symmetric
 * matrix) is recorded in the manifest; the manifest is turned into a leaf, and the leaf into a
 * manifest, only by the job binder (through the {@link PlanRunner}), which caches the tiles by name.
 */
final class MatrixCatalog {
    /** Tiles copied at once by {@link #save}, so memory stays bounded whatever the matrix size. */
    /** Tiles a copy keeps in flight beyond memory limits: copying is I/O-bound, so more than the cores. */
    private static final int COPY_PARALLELISM = 15;

    private final TileStore store;
    private final PlanRunner runner;
    /** Names this session generated, with what made each (e.g. {@code randomSpd}, {@code job: cholesky}). */
    private final Map<String, String> generated = new ConcurrentHashMap<>();
    /** {@code <prefix>/} of every object key, learned from a stored tile's key. */
    private volatile String keyBase;

    MatrixCatalog(TileStore store, PlanRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    /** Writes the manifest of a matrix this session just stored under a generated name. */
    void recordGenerated(Leaf leaf, String origin, List<String> columnNames) {
        generated.put(leaf.name(), origin);
        MatrixManifest m = join(store.createMatrix(manifest(leaf.name(), leaf, origin)), "recording matrix " + leaf.name());
        if (!columnNames.isEmpty()) {
            writeColumnNames(m, columnNames);
        }
    }

    /** Names this session generated, to delete as scratch. */
    Set<String> generated() {
        return Set.copyOf(generated.keySet());
    }

    /**
     * A stored matrix as the user knows it, for messages: {@code 'x'} for a name they gave, else
     * what made it ("the matrix from randomSpd()", "the result of cholesky"), or "an intermediate
     * result" for a job's temporary.
     */
    String describe(String storeName) {
        String origin = generated.get(storeName);
        if (origin != null) {
            return origin.startsWith("job: ") ? "the result of " + origin.substring(5)
                    : origin.equals("matrixWriter") ? "the matrix written by matrixWriter (e.g. a loaded table)"
                    : "the matrix from " + call(origin);
        }
        return storeName.startsWith("tmp/") ? "an intermediate result" : "'" + storeName + "'";
    }

    /** "random seed 7" as "random(seed 7)". */
    private static String call(String origin) {
        int space = origin.indexOf(' ');
        return space < 0 ? origin + "()" : origin.substring(0, space) + "(" + origin.substring(space + 1) + ")";
    }

    List<String> list() {
        return join(store.listMatrices(), "listing matrices");
    }

    /** @throws WrenException listing the stored names if there is no matrix {@code name} */
    Leaf open(String name) {
        MatrixManifest m = manifest(name);
        if (m.dtype() != DType.FLOAT64 || m.blockRows() != m.blockCols()) {
            throw new WrenException("matrix " + name + " is stored as " + m.describeLayout()
                    + "; wren4j computes on float64 matrices with square blocks");
        }
        try {
            return runner.open(m);
        } catch (IllegalArgumentException e) {
            throw new WrenException("cannot open " + e.getMessage(), e);
        }
    }

    MatrixInfo info(String name) {
        MatrixManifest m = manifest(name);
        return new MatrixInfo(name, m.rows(), m.cols(), m.blockRows(), m.structureText(), m.createdAt(), m.creator(),
                columnNames(m).orElse(List.of()));
    }

    private MatrixManifest manifest(String name) {
        MatrixManifest.checkName(name);
        try {
            return join(store.openMatrix(name), "opening matrix " + name);
        } catch (WrenException e) {
            if (e.getCause() instanceof MissingMatrixException) {
                List<String> names = list();
                throw new WrenException("no matrix named '" + name + "' in " + store.describe() + "; "
                        + (names.isEmpty() ? "it holds no named matrices" : "available: " + String.join(", ", names)), e.getCause());
            }
            throw e;
        }
    }

    private Optional<MatrixManifest> find(String name) {
        try {
            return Optional.of(join(store.openMatrix(name), "opening matrix " + name));
        } catch (WrenException e) {
            if (e.getCause() instanceof MissingMatrixException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Stores the computed matrix {@code leaf} under {@code name}: its stored tiles copied, then its
     * manifest (last, so a manifest always has its tiles), then its column names.
     */
    Leaf save(Leaf leaf, String name, SaveOptions options) {
        MatrixManifest.checkName(name);
        Optional<List<String>> names = options.columnNames();
        names.ifPresent(n -> checkColumnNames(name, leaf, n));
        if (leaf.name().equals(name)) {
            MatrixManifest m = join(store.createMatrix(manifest(name, leaf, "saved")), "saving matrix " + name);
            names.ifPresent(n -> writeColumnNames(m, n));
            return leaf;
        }
        StoredTiles layout = runner.layout(leaf);
        MatrixManifest wanted = manifest(name, leaf, "saved from " + leaf.name());
        Optional<MatrixManifest> existing = find(name);
        if (existing.isPresent() && options.replace()) {
            delete(name);
        } else if (existing.isPresent() && !existing.get().sameLayout(wanted)) {
            throw exists(existing.get(), "as " + existing.get().describeLayout());
        }
        Optional<List<String>> carried = names.isPresent() ? names : find(leaf.name()).flatMap(this::columnNames);
        try {
            copyTiles(leaf, layout, name);
        } catch (WrenException e) {
            if (e.getCause() instanceof TileConflictException && existing.isPresent() && !options.replace()) {
                throw exists(existing.get(), "with different values");
            }
            throw e;
        }
        MatrixManifest m = join(store.createMatrix(wanted), "saving matrix " + name);
        carried.ifPresent(n -> writeColumnNames(m, n));
        return runner.open(m);
    }

    private WrenException exists(MatrixManifest m, String how) {
        return new WrenException("matrix '" + m.name() + "' already exists in " + store.describe() + " " + how + " (created "
                + m.createdAt() + " by " + m.creator() + "); save with SaveOptions.replacing() to replace it, or pick another name");
    }

    private void copyTiles(Leaf from, StoredTiles layout, String to) {
        int b = from.blockSize();
        var window = TileWindow.forTiles(b, COPY_PARALLELISM, "copying " + from.name() + " to " + to);
        for (long i = 0; i < from.shape().tileRows(b); i++) {
            for (long j = 0; j < from.shape().tileCols(b); j++) {
                if (!layout.isStoredTile(i, j)) {
                    continue;
                }
                TileKey target = TileKey.of(to, i, j);
                TileKey source = TileKey.of(from.name(), i, j);
                window.submit(() -> store.read(source).thenCompose(t -> store.write(target, t)).toCompletableFuture());
            }
        }
        window.finish();
    }

    /** Deletes tiles, manifest and column names; deleting a missing matrix does nothing. */
    void delete(String name) {
        MatrixManifest.checkName(name);
        Optional<String> base = keyBase(name);
        join(store.deleteMatrix(name), "deleting matrix " + name);
        base.ifPresent(k -> join(store.objects().delete(k + name + "/" + ColumnNamesFile.OBJECT_NAME), "deleting matrix " + name));
        runner.forget(name);
        generated.remove(name);
    }

    private MatrixManifest manifest(String name, Leaf leaf, String origin) {
        MatrixManifest base = runner.manifest(name, leaf);
        return new MatrixManifest(name, base.rows(), base.cols(), base.blockRows(), base.blockCols(), DType.FLOAT64, base.kind(),
                base.storedTiles(), Instant.now().truncatedTo(ChronoUnit.MILLIS), base.creator() + "; " + origin);
    }

    private static void checkColumnNames(String name, Leaf leaf, List<String> names) {
        if (names.size() != leaf.shape().cols()) {
            throw new IllegalArgumentException("matrix " + name + " has " + leaf.shape().cols() + " columns but " + names.size()
                    + " column names were given");
        }
    }

    private void writeColumnNames(MatrixManifest m, List<String> names) {
        String base = keyBase(m.name()).orElseThrow(() -> new WrenException("matrix " + m.name() + " has no tiles in " + store.describe()));
        join(store.objects().put(base + m.name() + "/" + ColumnNamesFile.OBJECT_NAME, ColumnNamesFile.encode(m.createdAt(), names)),
                "recording column names of " + m.name());
    }

    private Optional<List<String>> columnNames(MatrixManifest m) {
        return keyBase(m.name()).flatMap(base -> join(store.objects().get(base + m.name() + "/" + ColumnNamesFile.OBJECT_NAME),
                        "reading column names of " + m.name()))
                .flatMap(bytes -> ColumnNamesFile.decode(bytes, m.createdAt(), m.cols()));
    }

    /**
     * The store's key prefix ({@code <prefix>/}), which {@link TileStore} keeps to itself: a tile
     * key ends in {@code <matrix>/[<hh>/]<i>_<j>}, so cutting that off one of {@code matrix}'s
     * tile keys leaves it. Empty if the matrix has no tiles (and so nothing beside them either).
     */
    private Optional<String> keyBase(String matrix) {
        String known = keyBase;
        if (known != null) {
            return Optional.of(known);
        }
        List<String> keys = join(store.listMatrixKeys(matrix), "listing tiles of " + matrix);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String key = keys.get(0);
        int cut = key.length();
        for (int s = store.layout() == KeyLayout.HASHED ? 2 : 1; s > 0; s--) {
            cut = key.lastIndexOf('/', cut - 1);
        }
        String head = key.substring(0, Math.max(cut, 0));
        if (cut < 0 || !head.endsWith(matrix)) {
            throw new WrenException("cannot tell the key prefix of " + store.describe() + " from tile key " + key);
        }
        keyBase = head.substring(0, head.length() - matrix.length());
        return Optional.of(keyBase);
    }

    private static <T> T join(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Errors.io(what, cause);
        }
    }
}
