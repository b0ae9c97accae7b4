package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.wren4j.api.MatrixInfo;
import org.wren4j.api.Wren;

/** {@code wren4j list --store DIR}: the matrices saved in a store, one per line (text, or one JSON object each). */
final class ListCommand {
    static final String USAGE = "usage: wren4j list --store DIR [--json]";

    private ListCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("store"), Set.of("json"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("list takes no arguments, got " + args.positional());
        }
        Path store = Inputs.existingStore(args, "list");
        try (Wren wren = Wren.builder().storeDirectory(store).build()) {
            List<String> names = wren.list();
            if (names.isEmpty() && !args.flag("json")) {
                out.println("no matrices in " + store);
            }
            for (String name : names) {
                MatrixInfo i = wren.info(name);
                if (args.flag("json")) {
                    out.println(new Json().put("name", name).put("rows", i.rows()).put("cols", i.cols())
                            .put("block", i.blockSize()).put("structure", i.structure()).put("created", i.createdAt().toString())
                            .put("columns", i.columnNames()));
                } else {
                    out.printf("%s  %dx%d  block %d  %s  created %s%s%n", name, i.rows(), i.cols(), i.blockSize(),
                            i.structure(), i.createdAt(), i.columnNames().isEmpty() ? "" : "  columns " + abbreviate(i.columnNames()));
                }
            }
        }
        return 0;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 8 ? String.join(",", names) : String.join(",", names.subList(0, 8)) + ",... (" + names.size() + ")";
    }
}
