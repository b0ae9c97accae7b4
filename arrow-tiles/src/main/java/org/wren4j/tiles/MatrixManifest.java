package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.wren4j.tiles.internal.JsonWriter;

/**
 * What a stored matrix is: its name, shape, block (tile) shape, element type, what it is
 * mathematically, which of its tiles exist, and who created it when. Stored as a small JSON object
 * beside the tiles, so any process can reopen the matrix by name. Tile {@code (i, j)} covers rows
 * {@code [i*blockRows, ...)} and columns {@code [j*blockCols, ...)}; tiles on the last row or column
 * are ragged (smaller).
 *
 * <p>Format 2 writes {@code kind} and {@code storedTiles}; format 1 (earlier builds) wrote one
 * free-form {@code structure} text, which is still read, in one place, into the two fields.
 *
 * @param name slash-separated segments of letters, digits, {@code . _ -}; none may be {@code manifest.json}
 * @param kind what the matrix is, as a lowercase label the planner owns ({@code general}, {@code spd}, ...);
 *     this module only stores it
 * @param storedTiles which tiles exist; {@link StoredTiles#LOWER_MIRRORED} needs a square matrix in square blocks
 * @param creator free-form, by default {@code user@host pid N}
 */
public record MatrixManifest(String name, long rows, long cols, int blockRows, int blockCols, DType dtype,
                             String kind, StoredTiles storedTiles, Instant createdAt, String creator) {
    static final int FORMAT = 2;
    /** The kind of a matrix nothing more is known of. */
    public static final String GENERAL = "general";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9\\-]*");
    static final String FILE_NAME = "manifest.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9._\\-]*(/[A-Za-z0-9_\\-][A-Za-z0-9._\\-]*)*");

    public MatrixManifest {
        requireNonNull(name, "name is null");
        requireNonNull(dtype, "dtype is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(storedTiles, "storedTiles is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(creator, "creator is null");
        checkName(name);
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix " + name + ": shape must be non-negative, got " + rows + "x" + cols);
        }
        if (blockRows < 1 || blockCols < 1) {
            throw new IllegalArgumentException("matrix " + name + ": block shape must be positive, got " + blockRows + "x" + blockCols);
        }
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("matrix " + name + ": kind must be a lowercase label such as general or spd, got '"
                    + kind + "'");
        }
        if (storedTiles == StoredTiles.LOWER_MIRRORED && (rows != cols || blockRows != blockCols)) {
            throw new IllegalArgumentException("matrix " + name + ": only a square matrix in square blocks can store lower tiles only, got "
                    + rows + "x" + cols + " in " + blockRows + "x" + blockCols + " blocks");
        }
    }

    /** A general float64 matrix created now by this process. */
    public static MatrixManifest of(String name, long rows, long cols, int blockRows, int blockCols) {
        return new MatrixManifest(name, rows, cols, blockRows, blockCols, DType.FLOAT64, GENERAL, StoredTiles.ALL,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), defaultCreator());
    }

    public MatrixManifest withDType(DType newDType) {
        return new MatrixManifest(name, rows, cols, blockRows, blockCols, newDType, kind, storedTiles, createdAt, creator);
    }

    public MatrixManifest withStructure(String newKind, StoredTiles newStoredTiles) {
        return new MatrixManifest(name, rows, cols, blockRows, blockCols, dtype, newKind, newStoredTiles, createdAt, creator);
    }

    /**
     * The kind and stored tiles as one text for people, as earlier builds wrote it: the kind
     * ({@code lower-triangular} already says its upper tiles are absent), plus
     * {@code ; lower tiles only} when tiles above the diagonal are mirrored.
     */
    public String structureText() {
        return new StructureText(kind, storedTiles).text();
    }

    /** Number of tile rows, {@code ceil(rows / blockRows)}. */
    public long gridRows() {
        return (rows + blockRows - 1) / blockRows;
    }

    public long gridCols() {
        return (cols + blockCols - 1) / blockCols;
    }

    /** Rows of tile row {@code i}: {@code blockRows}, or fewer on the last one. */
    public int tileRows(long i) {
        checkIndex("row", i, gridRows());
        return (int) Math.min(blockRows, rows - i * blockRows);
    }

    public int tileCols(long j) {
        checkIndex("column", j, gridCols());
        return (int) Math.min(blockCols, cols - j * blockCols);
    }

    /** The key of tile {@code (i, j)}; leading {@code versions} indices come first, as in {@link TileKey}. */
    public TileKey tileKey(long i, long j, long... versions) {
        tileRows(i);
        tileCols(j);
        long[] idx = new long[versions.length + 2];
        System.arraycopy(versions, 0, idx, 0, versions.length);
        idx[versions.length] = i;
        idx[versions.length + 1] = j;
        return new TileKey(name, idx);
    }

    /** Same matrix layout (name, shapes, dtype, kind, stored tiles), ignoring who created it and when. */
    public boolean sameLayout(MatrixManifest o) {
        return name.equals(o.name) && rows == o.rows && cols == o.cols && blockRows == o.blockRows && blockCols == o.blockCols
                && dtype == o.dtype && kind.equals(o.kind) && storedTiles == o.storedTiles;
    }

    public String describeLayout() {
        return rows + "x" + cols + " in " + blockRows + "x" + blockCols + " blocks, " + dtype.label() + ", " + structureText();
    }

    /** @throws IllegalArgumentException if {@code name} cannot name a stored matrix */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches() || ("/" + name + "/").contains("/" + FILE_NAME + "/")) {
            throw new IllegalArgumentException("invalid matrix name '" + name + "': use slash-separated segments of letters, digits, "
                    + "'.', '_', '-' (not starting with '.', none named " + FILE_NAME + ")");
        }
    }

    byte[] toJson() {
        String json = "{\"format\":" + FORMAT
                + ",\"name\":" + JsonWriter.quote(name)
                + ",\"rows\":" + rows + ",\"cols\":" + cols
                + ",\"blockRows\":" + blockRows + ",\"blockCols\":" + blockCols
                + ",\"dtype\":" + JsonWriter.quote(dtype.label())
                + ",\"kind\":" + JsonWriter.quote(kind)
                + ",\"storedTiles\":" + JsonWriter.quote(storedTiles.label())
                + ",\"createdAt\":" + JsonWriter.quote(createdAt.toString())
                + ",\"creator\":" + JsonWriter.quote(creator) + "}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws CorruptTileException naming the matrix and {@code store} if the bytes are not a manifest */
    static MatrixManifest fromJson(String matrix, String store, byte[] bytes) {
        try {
            if (!(Json.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            int format = number(m, "format").intValueExact();
            StructureText structure = switch (format) {
                case 1 -> StructureText.parseFormat1(text(m, "structure"));
                case FORMAT -> new StructureText(text(m, "kind"), StoredTiles.fromLabel(text(m, "storedTiles")));
                default -> throw new IllegalArgumentException("unknown manifest format " + format + " (this build reads 1 and " + FORMAT
                        + "; a newer wren4j wrote it?)");
            };
            var manifest = new MatrixManifest(text(m, "name"), number(m, "rows").longValueExact(), number(m, "cols").longValueExact(),
                    number(m, "blockRows").intValueExact(), number(m, "blockCols").intValueExact(), DType.fromLabel(text(m, "dtype")),
                    structure.kind(), structure.storedTiles(), Instant.parse(text(m, "createdAt")), text(m, "creator"));
            if (!manifest.name().equals(matrix)) {
                throw new IllegalArgumentException("it names matrix '" + manifest.name() + "'");
            }
            return manifest;
        } catch (RuntimeException e) {
            throw new CorruptTileException("manifest of matrix " + matrix + " in " + store + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static BigDecimal number(Map<?, ?> m, String field) {
        if (m.get(field) instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalArgumentException("field '" + field + "' is missing or not a number");
    }

    private static String text(Map<?, ?> m, String field) {
        if (m.get(field) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
    }

    private void checkIndex(String what, long index, long count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("matrix " + name + ": tile " + what + " " + index + " outside the " + gridRows() + "x"
                    + gridCols() + " tile grid of " + describeLayout());
        }
    }

    private static String defaultCreator() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host + " pid " + ProcessHandle.current().pid()
                + " (" + ManagementFactory.getRuntimeMXBean().getVmName() + " " + Runtime.version() + ")";
    }
}
