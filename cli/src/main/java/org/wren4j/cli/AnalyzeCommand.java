package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.wren4j.api.ProgramInfo;
import org.wren4j.api.ProgramLibrary;

/**
 * {@code wren4j analyze <program> --n N [--block B] [--json] [--print]}: the size of a program and
 * the cost of its dependency analysis at a matrix size, without running anything;
 * {@code wren4j analyze --list}: the library's programs.
 */
final class AnalyzeCommand {
    static final String USAGE = "usage: wren4j analyze <program> --n N [--block B] [--json] [--print] | wren4j analyze --list";

    private AnalyzeCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("n", "block"), Set.of("json", "print", "list"));
        List<String> programs = ProgramLibrary.names();
        if (args.flag("list")) {
            if (!args.positional().isEmpty()) {
                throw new UsageException("analyze --list takes no program");
            }
            programs.forEach(out::println);
            return 0;
        }
        if (args.positional().size() != 1) {
            throw new UsageException("analyze takes one program (one of " + programs + ")");
        }
        String program = args.positional().get(0);
        if (!programs.contains(program)) {
            throw new UsageException("unknown program '" + program + "' (choose from " + programs + ")");
        }
        if (!args.has("n")) {
            throw new UsageException("analyze " + program + " needs --n");
        }
        long n = args.positiveLong("n", 0);
        long block = args.positiveLong("block", Math.min(4096, n));
        if (args.flag("print")) {
            out.print(ProgramLibrary.text(program));
        }
        String json = json(ProgramLibrary.analyze(program, n, block));
        out.println(args.flag("json") ? json : human(json));
        return 0;
    }

    /** One line without spaces, keys in the order scripts have parsed since the first release. */
    static String json(ProgramInfo p) {
        return "{\"program\":" + Json.quote(p.program()) + ",\"n\":" + p.n() + ",\"block\":" + p.block() + ",\"grid\":" + p.grid()
                + ",\"tasks\":" + p.tasks() + ",\"tasks_ms\":" + p.tasksMs() + ",\"program_bytes\":" + p.programBytes()
                + ",\"starting_tasks\":" + p.startingTasks() + ",\"starting_ms\":" + p.startingMs()
                + ",\"children_us\":" + p.childrenUs() + ",\"parents_us\":" + p.parentsUs()
                + ",\"sampled_tasks\":" + p.sampledTasks() + "}";
    }

    private static String human(String json) {
        return json.replace("{", "").replace("}", "").replace("\"", "").replace(",", ", ").replace(":", "=");
    }
}
