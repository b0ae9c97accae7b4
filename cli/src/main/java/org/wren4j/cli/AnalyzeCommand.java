package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.tools.AnalyzeReport;

/**
 * {@code wren4j analyze <program> --n N [--block B] [--json] [--print]}: the size of a program and
 * the cost of its dependency analysis at a matrix size, without running anything.
 */
final class AnalyzeCommand {
    static final String USAGE = "usage: wren4j analyze <program> --n N [--block B] [--json] [--print]";

    private AnalyzeCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("n", "block"), Set.of("json", "print"));
        if (args.positional().size() != 1) {
            throw new UsageException("analyze takes one program (one of " + Programs.catalogue().keySet() + ")");
        }
        String program = args.positional().get(0);
        if (!Programs.catalogue().containsKey(program)) {
            throw new UsageException("unknown program '" + program + "' (choose from " + Programs.catalogue().keySet() + ")");
        }
        if (!args.has("n")) {
            throw new UsageException("analyze " + program + " needs --n");
        }
        long n = args.positiveLong("n", 0);
        long block = args.positiveLong("block", Math.min(4096, n));
        if (args.flag("print")) {
            out.print(Programs.byName(program));
        }
        String json = AnalyzeReport.json(program, n, block);
        out.println(args.flag("json") ? json : human(json));
        return 0;
    }

    private static String human(String json) {
        return json.replace("{", "").replace("}", "").replace("\"", "").replace(",", ", ").replace(":", "=");
    }
}
