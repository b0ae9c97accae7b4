package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.SaveOptions;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.Tables;

/**
 * {@code wren4j load <table> --name X --store DIR [...]}: a Parquet file or directory, or an Arrow
 * IPC file, loaded into a matrix saved as {@code X} (and its label, if asked, as {@code X.label}),
 * with its column names, so later commands and processes can open it.
 */
final class LoadCommand {
    static final String USAGE = "usage: wren4j load <file.parquet|file.arrow|dir> --name X --store DIR [--columns a,b,glob*,kind:integer] "
            + "[--label y] [--one-hot c,d] [--nulls fail|drop|fill:V] [--non-finite fail|allow] [--block B] [--replace] [--json]\n"
            + "  --block B   tile edge, default " + Inputs.DEFAULT_TABLE_BLOCK + " (as for run --input); one under " + BlockRule.SMALL_BLOCK
            + " that makes many tiles is warned with a suggested block";

    private LoadCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("name", "store", "columns", "label", "one-hot", "nulls", "non-finite", "block"), Set.of("replace", "json"));
        if (args.positional().size() != 1) {
            throw new UsageException(args.positional().isEmpty() ? "load needs a table file or directory" : "load takes one table, got " + args.positional());
        }
        if (!args.has("name")) {
            throw new UsageException("load needs --name X, the name to save the matrix under");
        }
        if (!args.has("store")) {
            throw new UsageException("load needs --store DIR, the directory to keep the matrix in");
        }
        String name = args.string("name", null);
        String labelName = name + ".label";
        Path file = Path.of(args.positional().get(0));
        checkName(name);
        var options = Inputs.loadOptions(args);
        boolean replace = args.flag("replace");
        try (Wren wren = Inputs.session(args).build()) {
            if (!replace) {
                refuseExisting(wren, name);
                if (args.has("label")) {
                    refuseExisting(wren, labelName);
                }
            }
            long t0 = System.nanoTime();
            LoadedTable t = Tables.load(wren, file, options);
            Inputs.warnDropped(t, file, err);
            SaveOptions save = replace ? SaveOptions.replacing() : SaveOptions.defaults();
            BlockMatrix x = t.features().save(name, save);
            // the rows are known only now: a load is never refused for its block, only warned
            BlockRule.check("load", BlockRule.TILES, t.rows(), x.cols(), x.cols(), x.blockSize(), true, err);
            t.label().ifPresent(l -> l.save(labelName, save));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long values = t.rows() * (x.cols() + (t.label().isPresent() ? 1 : 0));
            double mbPerSecond = values * 8 / 1e6 / seconds;
            if (args.flag("json")) {
                var json = new Json().put("name", name).put("file", file.toString()).put("rows", t.rows()).put("cols", x.cols())
                        .put("block", x.blockSize()).put("rows_read", t.rowsRead()).put("rows_dropped", t.rowsDropped())
                        .put("label", t.label().isPresent() ? labelName : null)
                        .put("seconds", RunCommand.round(seconds, 4)).put("mb_per_s", RunCommand.round(mbPerSecond, 1));
                out.println(json);
            } else {
                out.printf("loaded %s: %d rows x %d cols as '%s' (block %d)%s%s in %.3f s, %.1f MB/s of values%n", file, t.rows(),
                        x.cols(), name, x.blockSize(), t.label().isPresent() ? ", label as '" + labelName + "'" : "",
                        t.rowsDropped() > 0 ? ", " + t.rowsDropped() + " rows with nulls dropped" : "", seconds, mbPerSecond);
            }
        }
        return 0;
    }

    /** A bad name is bad input (exit 2), found before a long load rather than after. */
    static void checkName(String name) {
        try {
            Wren.checkMatrixName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
    }

    private static void refuseExisting(Wren wren, String name) {
        if (wren.list().contains(name)) {
            throw new WrenException("matrix '" + name + "' already exists in the store; add --replace to replace it");
        }
    }
}
