package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.MatrixInfo;
import org.wren4j.api.Wren;
import org.wren4j.interop.Tables;

/** {@code wren4j export X <file> --store DIR}: a saved matrix written as a Parquet or Arrow file with its column names. */
final class ExportCommand {
    static final String USAGE = "usage: wren4j export X <file.parquet|file.arrow|file.arrows> --store DIR [--json]";

    private ExportCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("store"), Set.of("json"));
        if (args.positional().size() != 2) {
            throw new UsageException("export takes a matrix name and a file, got " + args.positional());
        }
        String name = args.positional().get(0);
        Path file = Path.of(args.positional().get(1));
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".parquet") || lower.endsWith(".arrow") || lower.endsWith(".feather") || lower.endsWith(".arrows"))) {
            throw new UsageException("cannot tell the format of " + file + ": use .parquet, .arrow, .feather or .arrows");
        }
        try {
            Wren.checkMatrixName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path store = Inputs.existingStore(args, "export");
        try (Wren wren = Wren.builder().storeDirectory(store).build()) {
            BlockMatrix m = wren.open(name);
            MatrixInfo info = wren.info(name);
            long t0 = System.nanoTime();
            Tables.write(m, file, info.columnNames());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double mbPerSecond = m.rows() * m.cols() * 8 / 1e6 / seconds;
            if (args.flag("json")) {
                out.println(new Json().put("name", name).put("file", file.toString()).put("rows", m.rows())
                        .put("cols", m.cols()).put("seconds", RunCommand.round(seconds, 4))
                        .put("mb_per_s", RunCommand.round(mbPerSecond, 1)));
            } else {
                out.printf("exported '%s' (%d rows x %d cols) to %s in %.3f s, %.1f MB/s of values%n", name, m.rows(),
                        m.cols(), file, seconds, mbPerSecond);
            }
        }
        return 0;
    }
}
