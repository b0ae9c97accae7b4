package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.ColumnSelector;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.NonFinitePolicy;
import org.wren4j.interop.NullPolicy;
import org.wren4j.interop.Tables;

/**
 * Matrices from tables and stores for commands: {@code --store DIR} (a persistent tile
 * directory), {@code --input} (a table file loaded, or a matrix saved in {@code --store}) and the
 * load options {@code --columns}, {@code --nulls}, {@code --non-finite}, {@code --one-hot}, {@code --label}.
 */
final class Inputs {
    /** Valued options a command taking {@code --input} accepts. */
    static final Set<String> OPTIONS = Set.of("input", "store", "columns", "nulls", "non-finite", "one-hot", "label");
    /**
     * The block of a table loaded without {@code --block}, by {@code load} and {@code run --input}
     * alike: a table's matrix must not depend on which command read it.
     */
    static final int DEFAULT_TABLE_BLOCK = Wren.DEFAULT_BLOCK_SIZE;

    /**
     * An input matrix and, with {@code --label}, its right-hand side: the table's label column, or
     * for a stored input the stored matrix that {@code --label} names (e.g. {@code x.label}).
     */
    record Operands(BlockMatrix a, Optional<BlockMatrix> rhs) {
    }

    private Inputs() {
    }

    /** {@code base} plus {@link #OPTIONS}. */
    static Set<String> withInputOptions(Set<String> base) {
        var all = new HashSet<>(base);
        all.addAll(OPTIONS);
        return all;
    }

    /** A session builder on {@code --store} if given (created if missing), else in memory. */
    static Wren.Builder session(Args args) {
        Wren.Builder b = Wren.builder();
        if (args.has("store")) {
            b.storeDirectory(Path.of(args.string("store", null)));
        }
        return b;
    }

    /** {@code --store}, which must name an existing directory (for commands that only read one). */
    static Path existingStore(Args args, String command) {
        if (!args.has("store")) {
            throw new UsageException(command + " needs --store DIR");
        }
        Path dir = Path.of(args.string("store", null));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--store " + dir + ": no such directory");
        }
        return dir;
    }

    /**
     * The matrix of {@code --input}, if given: a table file or Parquet directory loaded with the
     * load options, else, with {@code --store}, the matrix saved under that name; with
     * {@code --label}, the right-hand side too (see {@link Operands}). Text columns a load without
     * {@code --columns} leaves out are named in one warning line on {@code err}.
     *
     * @throws org.wren4j.interop.InteropException if the table cannot be loaded (names file, column, row)
     * @throws org.wren4j.api.WrenException listing the stored names if neither a file nor a stored matrix has that name
     */
    static Optional<Operands> operands(Wren wren, Args args, PrintStream err) {
        checkOptions(args);
        if (!args.has("input")) {
            return Optional.empty();
        }
        String input = args.string("input", null);
        LoadOptions options = loadOptions(args);
        Path path = Path.of(input);
        if (!Files.exists(path) && args.has("store")) {
            if (args.has("columns") || args.has("nulls") || args.has("non-finite") || args.has("one-hot")) {
                throw new UsageException("--input " + input
                        + " is no file, so it names a stored matrix: --columns, --nulls, --non-finite and --one-hot do not apply");
            }
            Optional<BlockMatrix> rhs = args.has("label") ? Optional.of(wren.open(args.string("label", null))) : Optional.empty();
            return Optional.of(new Operands(wren.open(input), rhs));
        }
        LoadedTable t = Tables.load(wren, path, options);
        warnDropped(t, path, err);
        return Optional.of(new Operands(t.features(), t.label()));
    }

    /** One warning line if a load left text columns out, with the flag that keeps them; nothing otherwise. */
    static void warnDropped(LoadedTable t, Path file, PrintStream err) {
        if (!t.droppedColumns().isEmpty()) {
            String names = String.join(",", t.droppedColumns());
            err.println("wren4j: warning: " + file + ": text column" + (t.droppedColumns().size() == 1 ? " " : "s ") + names
                    + (t.droppedColumns().size() == 1 ? " was" : " were") + " left out; add --one-hot " + names + " to load "
                    + (t.droppedColumns().size() == 1 ? "it" : "them") + " one-hot encoded");
        }
    }

    /** Usage errors of the load options without {@code --input}, found before a session opens. */
    static void checkOptions(Args args) {
        if (!args.has("input")) {
            for (String o : new String[] {"columns", "nulls", "non-finite", "one-hot", "label"}) {
                if (args.has(o)) {
                    throw new UsageException("--" + o + " applies to an --input table only");
                }
            }
        }
    }

    /** Load options from {@code --columns a,b,glob*,kind:integer}, {@code --one-hot c,d}, {@code --label y}, {@code --nulls}, {@code --non-finite}, {@code --block}. */
    static LoadOptions loadOptions(Args args) {
        LoadOptions.Builder b = LoadOptions.builder();
        try {
            for (String token : list(args, "columns")) {
                b.select(ColumnSelector.parse(token));
            }
            for (String column : list(args, "one-hot")) {
                b.oneHot(column);
            }
            if (args.has("label")) {
                b.label(args.string("label", null));
            }
            if (args.has("nulls")) {
                b.nullPolicy(NullPolicy.parse(args.string("nulls", null)));
            }
            if (args.has("non-finite")) {
                b.nonFinite(NonFinitePolicy.parse(args.string("non-finite", null)));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return b.blockSize(args.positiveInt("block", DEFAULT_TABLE_BLOCK)).build();
    }

    private static String[] list(Args args, String option) {
        if (!args.has(option)) {
            return new String[0];
        }
        String[] items = Arrays.stream(args.string(option, "").split(",")).map(String::trim).toArray(String[]::new);
        if (Arrays.stream(items).anyMatch(String::isEmpty)) {
            throw new UsageException("--" + option + " has an empty item: '" + args.string(option, "") + "'");
        }
        return items;
    }
}
